import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiRouter } from '../../src/server/openapi';
import { call, login, startTestServer, type Caller, type TestServer } from '../support/server';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

/** A small tmpfs to fill up (needs mount rights: root, as in CI); null where mounting is not allowed. */
function mountSmall(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'ismap-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

describe('a full disk answers 507 disk_full, not "Internal error"', () => {
  let s: TestServer;
  let admin: Caller;
  const mnt = mountSmall();
  beforeAll(async () => {
    // /dev/full answers every write with ENOSPC: the failure a full disk gives, from the kernel.
    const full = () => {
      const app = apiRouter();
      app.post('/test/write-to-full-disk', async (c) => {
        await writeFile('/dev/full', 'x');
        return c.json({}, 200);
      });
      return app;
    };
    s = await startTestServer('pglite', [full]);
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'root@full.test', displayName: 'R', password: 'disk-full-password-1', isPlatformAdmin: true },
    );
    admin = await login(s.app, 'root@full.test', 'disk-full-password-1');
  });
  afterAll(async () => {
    await s?.close();
    if (mnt) {
      execFileSync('umount', [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    }
  });

  (existsSync('/dev/full') ? it : it.skip)('maps ENOSPC from any write to disk_full', async () => {
    const r = await call(s.app, 'POST', '/test/write-to-full-disk', { as: admin, body: {} });
    expect(r.status).toBe(507);
    expect(r.json.error).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/disk is full/) });
  });

  (mnt ? it : it.skip)('says the disk is full when an upload does not fit in the temporary folder', async () => {
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = mnt!;
    try {
      const form = new FormData();
      form.set('edition', 'full-disk');
      form.set('file', new Blob(['id,text\n' + '1.1.1,' + 'x'.repeat(400_000) + '\n']), 'texts.csv');
      const r = await call(s.app, 'POST', '/catalogs/ismap/import-text', { as: admin, form });
      expect(r.status).toBe(507);
      expect(r.json.error).toMatchObject({ code: 'disk_full' });
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });
});
