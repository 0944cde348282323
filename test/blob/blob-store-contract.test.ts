import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBlob, putBlob, verifiedRead } from '../../src/app/blob/blob-io';
import type { BlobStore } from '../../src/app/ports/blob-store';
import { fsBlobStore } from '../../src/infra/fs-blob-store';
import { s3BlobStore } from '../../src/infra/s3-blob-store';
import { s3rverClient, startS3 } from '../support/s3-server';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
async function* chunks(data: Buffer, size = 100_000) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
async function collect(source: AsyncIterable<Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}
async function listAll(store: BlobStore) {
  const out = [];
  for await (const b of store.list()) out.push(b);
  return out.sort((a, b) => a.sha256.localeCompare(b.sha256));
}

/** One suite, every blob store: what the evidence library relies on. */
function blobStoreContract(name: string, open: () => Promise<{ store: BlobStore; close(): Promise<void> }>) {
  describe(`blob store contract [${name}]`, () => {
    let store: BlobStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(async () => close?.());

    it('stores a streamed blob under its SHA-256 and gives the same bytes back', async () => {
      const data = randomBytes(1_234_567);
      const put = await putBlob(store, chunks(data));
      expect(put).toEqual({ sha256: sha(data), size: data.length });
      expect(await store.stat(put.sha256)).toEqual({ size: data.length });
      expect((await collect((await store.read(put.sha256))!)).equals(data)).toBe(true);
      expect(await checkBlob(store, put)).toEqual({ state: 'ok' });
    });

    it('an empty blob is a blob', async () => {
      const put = await putBlob(store, chunks(Buffer.alloc(0)));
      expect(put.size).toBe(0);
      expect(await store.stat(put.sha256)).toEqual({ size: 0 });
    });

    it('the same bytes twice are one blob', async () => {
      const data = randomBytes(5000);
      const before = (await listAll(store)).length;
      const a = await putBlob(store, chunks(data, 700));
      const b = await putBlob(store, chunks(data, 3000));
      expect(a).toEqual(b);
      expect((await listAll(store)).length).toBe(before + 1);
    });

    it('an aborted or failing writer leaves nothing visible', async () => {
      const before = await listAll(store);
      const w = await store.writer();
      const data = randomBytes(300_000);
      await w.write(data);
      await w.abort();
      await w.abort();
      async function* failing() {
        yield randomBytes(200_000);
        throw new Error('client went away');
      }
      await expect(putBlob(store, failing())).rejects.toThrow('client went away');
      expect(await listAll(store)).toEqual(before);
      expect(await store.stat(sha(data))).toBeNull();
    });

    it('an unknown hash reads as null; a bad hash is refused', async () => {
      const unknown = sha(Buffer.from('never stored'));
      expect(await store.read(unknown)).toBeNull();
      expect(await store.stat(unknown)).toBeNull();
      expect(await checkBlob(store, { sha256: unknown, size: 3 })).toEqual({ state: 'missing' });
      await expect(store.stat('../../etc/passwd')).rejects.toThrow();
    });

    it('lists every blob with its size', async () => {
      const data = randomBytes(4321);
      const put = await putBlob(store, chunks(data));
      expect(await listAll(store)).toContainEqual(put);
    });

    it('a verified read of the wrong bytes fails before its last chunk', async () => {
      const data = randomBytes(250_000);
      const put = await putBlob(store, chunks(data));
      const claimed = { sha256: sha(Buffer.from('other')), size: data.length };
      let mismatch: unknown = null;
      const got: Buffer[] = [];
      await expect(
        (async () => {
          for await (const c of verifiedRead(
            (await store.read(put.sha256))!,
            claimed,
            async (a) => void (mismatch = a),
          ))
            got.push(Buffer.from(c));
        })(),
      ).rejects.toThrow(/does not match/);
      expect(mismatch).toEqual(put);
      expect(Buffer.concat(got).length).toBeLessThan(data.length);
    });
  });
}

blobStoreContract('filesystem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ismap-blobs-'));
  return {
    store: fsBlobStore(join(dir, 'blobs'), join(dir, 'tmp')),
    close: () => rm(dir, { recursive: true, force: true }),
  };
});

blobStoreContract('s3 (s3rver)', async () => {
  const s3 = await startS3();
  return { store: s3BlobStore(s3.config, s3rverClient(s3.config)), close: s3.stop };
});

describe('filesystem blob store', () => {
  it('keeps no temporary file after a blob is stored or aborted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ismap-blobs-'));
    try {
      const store = fsBlobStore(join(dir, 'blobs'), join(dir, 'tmp'));
      await putBlob(store, chunks(randomBytes(10_000)));
      const w = await store.writer();
      await w.write(randomBytes(10));
      expect(await readdir(join(dir, 'tmp'))).toHaveLength(1);
      await w.abort();
      expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
