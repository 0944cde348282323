import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore, BlobWriter, StoredBlob } from '../app/ports/blob-store';

const SHA = /^[0-9a-f]{64}$/;

/**
 * Blobs as files under `root/sha256/ab/cd/<hash>`. A blob is written to `tmpDir` (on the same file system as
 * `root`, so the final rename is atomic) while its hash is computed, fsync-ed, then renamed into place and its
 * folder fsync-ed: a reader sees either no file under the hash or the whole, durable one. `tmpDir` is the
 * server's own folder (claimed at start-up, removed at the next start after a crash: src/cli/upload-space.ts).
 */
export function fsBlobStore(root: string, tmpDir: string): BlobStore {
  const base = join(root, 'sha256');
  const pathOf = (sha: string) => join(base, sha.slice(0, 2), sha.slice(2, 4), sha);
  const check = (sha: string) => {
    if (!SHA.test(sha)) throw new Error(`not a SHA-256: ${sha}`);
  };

  async function syncDir(dir: string) {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  return {
    kind: 'filesystem',
    async writer(): Promise<BlobWriter> {
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, `blob-${randomUUID()}.part`);
      const fh: FileHandle = await open(tmp, 'wx', 0o600);
      const hash = createHash('sha256');
      let size = 0;
      let closed = false;
      const close = async () => {
        if (!closed) {
          closed = true;
          await fh.close();
        }
      };
      return {
        async write(chunk) {
          hash.update(chunk);
          size += chunk.length;
          let off = 0;
          while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
        },
        async finish(): Promise<StoredBlob> {
          await fh.sync();
          await close();
          const sha256 = hash.digest('hex');
          const target = pathOf(sha256);
          const dir = join(target, '..');
          await mkdir(dir, { recursive: true });
          if (await stat(target).catch(() => null)) await unlink(tmp);
          else {
            await rename(tmp, target);
            await syncDir(dir);
          }
          return { sha256, size };
        },
        async abort() {
          await close().catch(() => undefined);
          await unlink(tmp).catch(() => undefined);
        },
      };
    },
    async read(sha256) {
      check(sha256);
      const path = pathOf(sha256);
      if (!(await stat(path).catch(() => null))) return null;
      return createReadStream(path, { highWaterMark: 1024 * 1024 });
    },
    async stat(sha256) {
      check(sha256);
      const s = await stat(pathOf(sha256)).catch(() => null);
      return s?.isFile() ? { size: s.size } : null;
    },
    async *list() {
      const names = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();
      for (const a of await names(base))
        for (const b of await names(join(base, a)))
          for (const sha of await names(join(base, a, b))) {
            if (!SHA.test(sha)) continue;
            const s = await stat(join(base, a, b, sha)).catch(() => null);
            if (s?.isFile()) yield { sha256: sha, size: s.size };
          }
    },
  };
}
