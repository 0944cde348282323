import type { Criterion } from '../../core/statement/criteria';
import type { StatementDocument } from '../../core/statement/model';
import { parseJsonText } from '../json-file';
import { oscalSspToStatement } from '../oscal-ssp';
import { readStatementXlsx } from './read-xlsx';

/** A JSON file (an OSCAL system-security-plan) rather than a workbook: by its name, else by its first byte. */
export function isJsonStatementFile(bytes: Uint8Array, file: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.xlsx$/i.test(file)) return false;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b;
}

/**
 * What a statement import reads: an exported (and edited) workbook, or an OSCAL system-security-plan. JSON that does
 * not parse is refused naming the file and the position; schema problems come back as issues at their JSON path.
 */
export async function readStatementFile(
  bytes: Buffer,
  criteria: readonly Criterion[],
  stored: StatementDocument,
  opts: { file: string },
) {
  if (!isJsonStatementFile(bytes, opts.file)) return readStatementXlsx(bytes, criteria, opts);
  const json = parseJsonText(bytes.toString('utf8').replace(/^\uFEFF/, ''), opts.file);
  return oscalSspToStatement(json, criteria, stored, opts);
}

/** The SSP as the bytes of a file: `statement-<service>-<edition>.ssp.oscal.json`. */
export const sspFileName = (fileBase: string) => `${fileBase}.ssp.oscal.json`;
