/**
 * Evidence files, stored once by the SHA-256 of their bytes (content-addressed). A blob becomes visible under its
 * hash only when it is whole and durable: a writer that is aborted, or a process that dies while writing, leaves
 * nothing under a hash (at most a temporary file or object, which the adapter cleans or ignores).
 */
export interface BlobWriter {
  /** Appends bytes; resolves when the store has taken them (back-pressure). */
  write(chunk: Uint8Array): Promise<void>;
  /** Makes the blob durable and visible under its hash (a blob already there is kept: same bytes). */
  finish(): Promise<StoredBlob>;
  /** Drops what was written; safe to call after a failure or twice. */
  abort(): Promise<void>;
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobStore {
  readonly kind: 'filesystem' | 's3';
  writer(): Promise<BlobWriter>;
  /** The blob's bytes as they are stored (not checked: see verifiedRead), or null when there is none. */
  read(sha256: string): Promise<AsyncIterable<Uint8Array> | null>;
  stat(sha256: string): Promise<{ size: number } | null>;
  /** Every blob in the store (in no particular order). */
  list(): AsyncIterable<StoredBlob>;
}
