import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile, type ChildProcess } from 'node:child_process';
import { signInOverHttp, startServeProcess } from '../support/serve-process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '..', '..');
const PASSWORD = 'bundle-test-password-1234';

/**
 * `npm start` runs the esbuild bundle (scripts/build-server.mjs), not the TypeScript sources the other tests load
 * through tsx. Module order differs in a bundle: a schema built before @hono/zod-openapi is loaded has no
 * `.openapi()`, which once broke `npm start` while every other test passed. This builds the bundle (into a folder
 * of its own, never over dist/server) and starts the server from it as `npm start` does.
 */
describe('the server bundle npm start runs', () => {
  let work: string;
  let out: string;
  const children = new Set<ChildProcess>();
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'ismap-bundle-'));
    // Inside the project, so the bundle's external imports resolve from its node_modules.
    mkdirSync(join(root, 'dist'), { recursive: true });
    out = mkdtempSync(join(root, 'dist', 'bundle-test-'));
  });
  afterEach(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(
      [...children].map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : null)),
    );
    children.clear();
    rmSync(work, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it(
    'builds, starts on the embedded database with the demo data, and answers the API',
    { timeout: 180_000 },
    async () => {
      await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build-server.mjs'), '--outdir', out], {
        cwd: root,
      });
      expect(existsSync(join(out, 'ismap.mjs'))).toBe(true);
      const { child, port, stdout, stderr } = await startServeProcess(
        {
          // bin/ismap.js runs this bundle as it is, and refuses to start when there is none.
          ISMAP_BUNDLE_DIR: out,
          ISMAP_NO_BUNDLE: '',
          ISMAP_DATA_DIR: join(work, 'data'),
          ISMAP_DEMO_PASSWORD: PASSWORD,
        },
        children,
      );
      expect(stderr()).toBe('');
      expect(stdout()).toContain('csp@demo.ismap-hub.test');
      const base = `http://127.0.0.1:${port}/api/v1`;
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toMatchObject({ status: 'ok' });
      const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { components: { schemas: object } };
      expect(Object.keys(spec.components.schemas)).toEqual(
        expect.arrayContaining(['SsoConfigurationInput', 'SsoStartRequest', 'Error']),
      );
      const { cookie } = await signInOverHttp(base, 'csp@demo.ismap-hub.test', PASSWORD);
      const services = (await (await fetch(`${base}/cloud-services`, { headers: { cookie } })).json()) as {
        services: { name: { en: string } }[];
      };
      expect(services.services.map((s) => s.name.en)).toEqual(['Demo Accounting Cloud']);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    },
  );
});
