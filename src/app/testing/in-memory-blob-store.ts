import { createHash } from 'node:crypto';
import type { BlobStore } from '../ports/blob-store';

/** Blobs in a Map (small-tier tests, and servers in tests that do not look at the files' storage). */
export function inMemoryBlobStore(): BlobStore & { blobs: Map<string, Buffer> } {
  const blobs = new Map<string, Buffer>();
  return {
    kind: 'filesystem',
    blobs,
    async writer() {
      const parts: Buffer[] = [];
      let done = false;
      return {
        async write(chunk) {
          parts.push(Buffer.from(chunk));
        },
        async finish() {
          const data = Buffer.concat(parts);
          const sha256 = createHash('sha256').update(data).digest('hex');
          if (!done && !blobs.has(sha256)) blobs.set(sha256, data);
          done = true;
          return { sha256, size: data.length };
        },
        async abort() {
          parts.length = 0;
        },
      };
    },
    async read(sha256) {
      const b = blobs.get(sha256);
      if (!b) return null;
      return (async function* () {
        for (let i = 0; i < b.length; i += 64 * 1024) yield b.subarray(i, i + 64 * 1024);
        if (b.length === 0) return;
      })();
    },
    async stat(sha256) {
      const b = blobs.get(sha256);
      return b ? { size: b.length } : null;
    },
    async *list() {
      for (const [sha256, b] of blobs) yield { sha256, size: b.length };
    },
  };
}
