import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DomainError } from '../core/errors';
import { checkText, decodeUtf8Strict } from './strict-input';

export interface StreamedUpload {
  fields: Record<string, string>;
  /**
   * The one file part, written to a private temporary folder (`path`), or to the caller's sink (then `path` is '').
   * `contentType` is the part's declared media type, when it declared one.
   */
  file: { path: string; filename: string; size: number; contentType: string | null } | null;
  /** Removes the temporary folder; call it in `finally`. */
  cleanup(): Promise<void>;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFieldBytes: number;
  maxHeaderBytes: number;
  maxParts: number;
}

/** Where the file part goes instead of a temporary file (the evidence blob store hashes and stores it). */
export interface FileSink {
  write(chunk: Buffer): Promise<void>;
  /** The part ended: the sink makes the file whole (an error fails the upload). */
  close(): Promise<void>;
  /** The upload failed: drop what was written. */
  destroy(): void;
}

export interface MultipartTarget {
  /** Opens the sink for the file part; without it the part goes to a temporary file. */
  openSink?: (filename: string) => Promise<FileSink>;
  /** Runs on the fields sent before the file part, before a byte of the file is taken (validate, refuse early). */
  beforeFile?: (fields: Record<string, string>) => void | Promise<void>;
}

const fileSink = (out: WriteStream): FileSink => ({
  write: (chunk) => new Promise<void>((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve()))),
  close: () => new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve()))),
  destroy: () => out.destroy(),
});

const DEFAULTS: MultipartLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxFieldBytes: 64 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxParts: 20,
};
const CRLF2 = Buffer.from('\r\n\r\n');
const FLUSH_BYTES = 64 * 1024;
const READ_BYTES = 16 * 1024;

const tooLarge = (what: string, limit: number) =>
  new DomainError(
    'payload_too_large',
    `${what} is larger than ${Math.round(limit / 1024)} KiB`,
    [
      {
        path: ['body'],
        message: `${what} too large`,
        code: 'file_too_large',
        params: { limitKiB: Math.round(limit / 1024) },
      },
    ],
    { reason: 'upload_too_large', params: { limitKiB: Math.round(limit / 1024) } },
  );
const malformed = (why: string) =>
  new DomainError(
    'validation_failed',
    `Malformed multipart/form-data body: ${why}`,
    [{ path: ['body'], message: why }],
    { reason: 'multipart_malformed' },
  );

function partHeaders(raw: string): { name: string; filename: string | null; contentType: string | null } {
  const lines = raw.split('\r\n');
  const disposition = lines.find((l) => /^content-disposition:/i.test(l)) ?? '';
  const type = /^content-type:\s*([\w.+-]+\/[\w.+-]+)/i.exec(lines.find((l) => /^content-type:/i.test(l)) ?? '');
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw malformed('a part has no name');
  const filename =
    /\bfilename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
  return {
    name,
    filename: filename === null ? null : decodeURIComponentSafe(filename),
    contentType: type?.[1]?.toLowerCase() ?? null,
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Reads a multipart/form-data request body as a stream: the file part goes straight to a temporary file (never
 * held in memory whole), small text fields are collected. Only the part named `fileField` may carry a file.
 * `tmpRoot` is where the temporary folder goes: the server's own upload folder (src/cli/upload-space.ts, cleaned
 * at the next start when a crash leaves it behind), or the OS temporary folder.
 */
export async function receiveMultipart(
  req: Request,
  fileField = 'file',
  limits: Partial<MultipartLimits> = {},
  tmpRoot = tmpdir(),
  target: MultipartTarget = {},
): Promise<StreamedUpload> {
  const lim = { ...DEFAULTS, ...limits };
  const type = req.headers.get('content-type') ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!/^multipart\/form-data/i.test(type) || !boundary)
    throw malformed('expected multipart/form-data with a boundary');
  if (!req.body) throw malformed('empty body');
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  const dir = await mkdtemp(join(tmpRoot, 'ismap-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let file: StreamedUpload['file'] = null;
  let opened: FileSink | null = null;
  try {
    // The stream starts with '--boundary' (no CRLF before it); a virtual CRLF makes every delimiter alike.
    let buf = Buffer.from('\r\n');
    let state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done' = 'preamble';
    let parts = 0;
    let current: { name: string; out: FileSink | null; chunks: Buffer[]; size: number } | null = null;
    const emit = async (data: Buffer) => {
      if (!current || data.length === 0) return;
      current.size += data.length;
      if (current.out) {
        if (current.size > lim.maxFileBytes) throw tooLarge('the uploaded file', lim.maxFileBytes);
        await current.out.write(data);
      } else {
        if (current.size > lim.maxFieldBytes) throw tooLarge(`field ${current.name}`, lim.maxFieldBytes);
        current.chunks.push(data);
      }
    };
    const finishPart = async () => {
      if (!current) return;
      if (current.out) {
        await current.out.close();
        file!.size = current.size;
      } else {
        const value = decodeUtf8Strict(Buffer.concat(current.chunks), ['form', current.name]);
        checkText(value, ['form', current.name]);
        fields[current.name] = value;
      }
      current = null;
    };
    const reader = req.body.getReader();
    let ended = false;
    while (state !== 'done') {
      let progressed = true;
      while (progressed && state !== 'done') {
        progressed = false;
        if (state === 'preamble' || state === 'body') {
          const at = buf.indexOf(delimiter);
          if (at >= 0) {
            if (state === 'body') await emit(buf.subarray(0, at));
            await finishPart();
            buf = buf.subarray(at + delimiter.length);
            state = 'after-delimiter';
            progressed = true;
          } else if (state === 'body' && buf.length >= FLUSH_BYTES + delimiter.length) {
            // Written in slices of at least FLUSH_BYTES (tiny network chunks would mean a write per chunk).
            // Keep a tail that could be the start of a delimiter split across chunks.
            await emit(buf.subarray(0, buf.length - delimiter.length));
            buf = buf.subarray(buf.length - delimiter.length);
          }
        } else if (state === 'after-delimiter' && buf.length >= 2) {
          const two = buf.subarray(0, 2).toString('latin1');
          if (two === '--') state = 'done';
          else if (two === '\r\n') {
            buf = buf.subarray(2);
            state = 'headers';
          } else throw malformed('bad delimiter');
          progressed = true;
        } else if (state === 'headers') {
          const end = buf.indexOf(CRLF2);
          if (end < 0) {
            if (buf.length > lim.maxHeaderBytes) throw malformed('part headers too long');
            continue;
          }
          if (++parts > lim.maxParts) throw malformed('too many parts');
          const h = partHeaders(buf.subarray(0, end).toString('utf8'));
          buf = buf.subarray(end + CRLF2.length);
          if (h.filename !== null) {
            if (h.name !== fileField || file) throw malformed(`unexpected file in part "${h.name}"`);
            const safe =
              basename(h.filename)
                .replace(/[^\p{L}\p{N}._ -]/gu, '_')
                .slice(-120) || 'upload';
            await target.beforeFile?.(fields);
            const filename = basename(h.filename) || 'upload';
            file = { path: target.openSink ? '' : join(dir, safe), filename, size: 0, contentType: h.contentType };
            let out: FileSink;
            if (target.openSink) out = await target.openSink(filename);
            else {
              const stream = createWriteStream(file.path, { flags: 'wx', mode: 0o600 });
              // Write errors (a full disk) reach us through write()'s callback; the event must not go unhandled.
              stream.on('error', () => undefined);
              out = fileSink(stream);
            }
            opened = out;
            current = { name: h.name, out, chunks: [], size: 0 };
          } else current = { name: h.name, out: null, chunks: [], size: 0 };
          state = 'body';
          progressed = true;
        }
      }
      if ((state as string) === 'done') break;
      if (ended) throw malformed('the body ended before the closing boundary');
      // Gather at least READ_BYTES before scanning again: one concat per batch, not per (possibly tiny) chunk.
      const batch: Uint8Array[] = [buf];
      let batchBytes = 0;
      while (batchBytes < READ_BYTES) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        batch.push(value);
        batchBytes += value.length;
      }
      buf = Buffer.concat(batch);
    }
    await reader.cancel().catch(() => undefined);
    return { fields, file, cleanup };
  } catch (e) {
    opened?.destroy();
    await cleanup();
    throw e;
  }
}
