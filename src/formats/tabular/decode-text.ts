/**
 * Encoding detection for CSV/TSV exported by Excel and Japanese government tools: UTF-8 (with or without BOM),
 * UTF-16 with BOM (Excel "Unicode text") and Shift_JIS/CP932 (Excel's default CSV on Japanese Windows).
 */
import iconv from 'iconv-lite';
import type { TableEncoding } from './types';

export interface DecodedText {
  text: string;
  encoding: Exclude<TableEncoding, 'xlsx'>;
  /** Some bytes could not be decoded; they appear as U+FFFD in `text`. */
  lossy: boolean;
}

const countReplacements = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i !== -1; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
};

function decodeUtf(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): { text: string; lossy: boolean } {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), lossy: false };
  } catch {
    return { text: new TextDecoder(label, { ignoreBOM: true }).decode(bytes), lossy: true };
  }
}

/** UTF-16 without a BOM shows as NUL in every other byte of ASCII text. */
function sniffBomlessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Valid UTF-8 wins; otherwise CP932 is tried, and whichever decoding loses fewer characters is kept (ties go to
 * CP932, the usual reason a Japanese CSV is not UTF-8). Rows with U+FFFD are then reported as "bad encoding".
 */
export function decodeText(buf: Buffer): DecodedText {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { ...decodeUtf('utf-8', buf.subarray(3)), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { ...decodeUtf('utf-16le', buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { ...decodeUtf('utf-16be', buf.subarray(2)), encoding: 'utf-16be' };
  const utf16 = sniffBomlessUtf16(buf);
  if (utf16) return { ...decodeUtf(utf16, buf), encoding: utf16 };

  const utf8 = decodeUtf('utf-8', buf);
  if (!utf8.lossy) return { text: utf8.text, encoding: 'utf-8', lossy: false };
  const sjis = iconv.decode(buf, 'cp932');
  const sjisBad = countReplacements(sjis);
  if (sjisBad <= countReplacements(utf8.text)) return { text: sjis, encoding: 'cp932', lossy: sjisBad > 0 };
  return { text: utf8.text, encoding: 'utf-8', lossy: true };
}
