import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { claimUploadSpace, type UploadSpace } from '../../src/cli/upload-space';
import { receiveMultipart } from '../../src/server/multipart';

const dirs: string[] = [];
const spaces: UploadSpace[] = [];
afterEach(() => {
  for (const s of spaces.splice(0)) s.release();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const root = () => {
  const d = mkdtempSync(join(tmpdir(), 'ismap-uploads-'));
  dirs.push(d);
  return d;
};

describe('upload folders', () => {
  it("removes what a crashed server left (its lock died with it) and keeps a running server's folder", () => {
    const r = root();
    // A server killed mid-upload: its folder with a half-written upload and a lock file nobody holds any more.
    const left = join(r, 'server-crashed');
    mkdirSync(join(left, 'ismap-upload-x'), { recursive: true });
    writeFileSync(join(left, '.lock'), '');
    writeFileSync(join(left, 'ismap-upload-x', 'file'), Buffer.alloc(1 << 20));
    const running = claimUploadSpace(r);
    spaces.push(running);
    expect(running.removed).toBe(1);
    expect(existsSync(left)).toBe(false);

    // A second server on the same root: the first one's folder is held, so it stays.
    const second = claimUploadSpace(r);
    spaces.push(second);
    expect(second.removed).toBe(0);
    expect(existsSync(running.dir)).toBe(true);
    expect(
      readdirSync(r)
        .filter((n) => n.startsWith('server-'))
        .sort(),
    ).toEqual([running.dir, second.dir].map((d) => d.slice(r.length + 1)).sort());

    spaces.splice(0).forEach((s) => s.release());
    expect(existsSync(running.dir)).toBe(false);
  });

  it("writes an upload inside the server's folder", async () => {
    const space = claimUploadSpace(root());
    spaces.push(space);
    const form = new FormData();
    form.set('file', new Blob(['id,text\n']), 'a.csv');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const up = await receiveMultipart(req, 'file', {}, space.dir);
    try {
      expect(dirname(dirname(up.file!.path))).toBe(space.dir);
    } finally {
      await up.cleanup();
    }
  });
});
