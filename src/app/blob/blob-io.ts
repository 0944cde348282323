import { createHash } from 'node:crypto';
import type { BlobStore, StoredBlob } from '../ports/blob-store';

export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);

/** Streams `source` into the store; on any failure the writer is aborted (nothing becomes visible). */
export async function putBlob(
  store: BlobStore,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<StoredBlob> {
  const w = await store.writer();
  try {
    for await (const chunk of source) await w.write(chunk);
    return await w.finish();
  } catch (e) {
    await w.abort();
    throw e;
  }
}

export class BlobIntegrityError extends Error {
  constructor(
    readonly expected: StoredBlob,
    readonly actual: StoredBlob,
  ) {
    super(`blob ${expected.sha256} does not match its hash (read ${actual.size} bytes, ${actual.sha256})`);
  }
}

/**
 * The blob's bytes, re-hashed as they stream. The last chunk is held back until the hash is known, so a reader
 * that gets every byte got the right ones: on a mismatch the stream fails before its end (and `onMismatch` runs).
 */
export async function* verifiedRead(
  source: AsyncIterable<Uint8Array>,
  expected: StoredBlob,
  onMismatch: (actual: StoredBlob) => Promise<void>,
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let size = 0;
  let held: Uint8Array | null = null;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.length;
    if (held) yield held;
    held = chunk;
  }
  const actual = { sha256: hash.digest('hex'), size };
  if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) {
    await onMismatch(actual);
    throw new BlobIntegrityError(expected, actual);
  }
  if (held) yield held;
}

/** Re-hashes one stored blob: 'ok', 'missing' or 'corrupted' (with what was read). */
export async function checkBlob(
  store: BlobStore,
  expected: StoredBlob,
): Promise<{ state: 'ok' | 'missing' | 'corrupted'; actual?: StoredBlob }> {
  const source = await store.read(expected.sha256);
  if (!source) return { state: 'missing' };
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.length;
  }
  const actual = { sha256: hash.digest('hex'), size };
  return actual.sha256 === expected.sha256 && actual.size === expected.size
    ? { state: 'ok' }
    : { state: 'corrupted', actual };
}
