import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';
import { startHttpServer, type RunningServer } from '../support/http-server';
import { createApiToken, type CreateApiTokenInput } from '../../src/app/use-cases/api-tokens/create-api-token';
import { revokeApiToken } from '../../src/app/use-cases/api-tokens/revoke-api-token';
import { systemActor } from '../../src/core/identity';
import { tokenResources } from '../../src/core/policies/token-scopes';

// The CLI against a running server (--server / ISMAP_SERVER with an API token): read and data commands work over
// HTTP and never open the data folder the server would hold locked.
const sys = { actor: systemActor, requestId: null };

describe('ismap commands with --server and an API token', () => {
  let s: RunningServer;
  let dir: string;
  let dataDir: string;
  const tokens: Record<string, string> = {};
  const run = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(argv, { env: { ISMAP_DATA_DIR: dataDir, ISMAP_SERVER: '', ISMAP_TOKEN: '', ...env }, cwd: dir });
  const remote = (name: string) => ({ ISMAP_SERVER: s.url, ISMAP_TOKEN: tokens[name]! });

  beforeAll(async () => {
    s = await startHttpServer();
    dir = mkdtempSync(join(tmpdir(), 'ismap-remote-cli-'));
    dataDir = join(dir, 'data');
    const mint = async (role: string, input: Partial<CreateApiTokenInput>) => {
      const email = s.logins.find((l) => l.role === role)!.email;
      const user = (await s.deps.uow.read.users.getByEmail(email))!;
      const base = { name: 'cli', access: ['read' as const], resources: [...tokenResources], expiresInDays: 30 };
      return createApiToken(s.deps, sys, user.id, { ...base, ...input });
    };
    tokens.reader = (await mint('csp admin', {})).token;
    tokens.writer = (await mint('secretariat admin', { access: ['read', 'write'], resources: ['catalogs'] })).token;
    tokens.cspWriter = (
      await mint('csp admin', {
        access: ['read', 'write'],
        resources: ['organizations', 'cloud-services', 'statements'],
      })
    ).token;
    tokens.platform = (await mint('platform administrator', { orgId: null, resources: ['audit'] })).token;
    const revoked = await mint('csp admin', {});
    await revokeApiToken(s.deps, sys, revoked.apiToken.id);
    tokens.revoked = revoked.token;
    tokens.expired = (await mint('csp admin', { expiresInDays: 1 })).token;
  }, 300_000);
  afterEach(settleCliRuns);
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps, diffs and exports through the server, never touching the data folder', async () => {
    const map = await run(['map', '9.2.3', '--to', 'nist-800-53r5', '--via', 'iso27001-2013'], remote('reader'));
    expect(map.code, map.err).toBe(0);
    expect(map.out).toMatch(/ismap:9\.2\.3 =equal=> iso27001-2013:A\.9\.2\.3 =\S+=> nist-800-53r5:ac-2\n/);
    const diff = await run(['catalog', 'diff', 'ismap', '2024-07', '2024-07', '--json'], remote('reader'));
    expect(diff.code, diff.err).toBe(0);
    expect(JSON.parse(diff.out)).toMatchObject({ added: [], removed: [], changed: [] });
    const out = join(dir, 'ismap.oscal.json');
    const exp = await run(['catalog', 'export', 'ismap', '--out', out, '--json'], remote('reader'));
    expect(exp.code, exp.err).toBe(0);
    expect(JSON.parse(exp.out)).toMatchObject({ catalog: 'ismap', valid: true, model: 'catalog' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('catalog');
    const profile = join(dir, 'basic.json');
    const basic = await run(['catalog', 'export', 'ismap', '--profile', 'basic', '--out', profile], remote('reader'));
    expect(basic.code, basic.err).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('uploads a criteria text file with --server and --token flags', async () => {
    const file = join(dir, 'texts.csv');
    writeFileSync(file, 'id,text\n9.2.3,利用者の登録及び登録削除のテキスト\n');
    const argv = ['catalog', 'import-text', file, '--edition', '2024-07', '--dry-run', '--json'];
    const r = await run([...argv, '--server', s.url, '--token', tokens.writer!]);
    expect(r.code, r.err + r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, dryRun: true, catalog: 'ismap', edition: '2024-07' });
    // A read-only token is refused with the missing scope.
    const ro = await run(argv, remote('reader'));
    expect(ro.code).toBe(1);
    expect(ro.err).toMatch(/does not have the scope catalogs:write/);
  }, 120_000);

  it('lists, creates, checks, exports and re-imports services and statements through the server', async () => {
    const env = remote('cspWriter');
    const services = await run(['service', 'list', '--org', 'demo-cloud', '--json'], env);
    expect(services.code, services.err).toBe(0);
    const demo = JSON.parse(services.out) as { services: { id: string; name: { en: string } }[] };
    expect(demo.services.length).toBeGreaterThan(0);
    const created = await run(
      [
        'service',
        'create',
        '--org',
        'demo-cloud',
        '--name-ja',
        'リモート',
        '--name-en',
        'Remote SaaS',
        '--model',
        'saas',
      ],
      env,
    );
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/^created \S+ {2}Remote SaaS \/ リモート\n$/);
    // Another organization's slug is not visible to this token.
    const other = await run(['service', 'list', '--org', 'demo-audit', '--json'], env);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/No organization with slug "demo-audit" for this token/);

    const list = await run(['statement', 'list', '--json'], env);
    expect(list.code, list.err).toBe(0);
    const [st] = (JSON.parse(list.out) as { statements: { id: string; percent: number; blockers: number }[] })
      .statements;
    expect(st).toBeDefined();
    const ready = await run(['statement', 'readiness', st!.id, '--json'], env);
    expect([0, 1]).toContain(ready.code);
    const readiness = JSON.parse(ready.out) as { summary: { total: { percent: number }; blockerCount: number } };
    expect(readiness.summary.total.percent).toBe(st!.percent);
    expect(readiness.summary.blockerCount).toBe(st!.blockers);
    expect(ready.code).toBe(st!.blockers === 0 ? 0 : 1);

    const xlsx = join(dir, 'remote-statement.xlsx');
    const exp = await run(['statement', 'export', st!.id, '--out', xlsx, '--json'], env);
    expect(exp.code, exp.err).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const pdf = await run(['statement', 'export', st!.id, '--format', 'pdf', '--lang', 'en'], env);
    expect(pdf.code, pdf.err).toBe(0);
    expect(pdf.out).toMatch(/wrote .*-readiness-en\.pdf/);
    const back = await run(['statement', 'import', st!.id, xlsx, '--json'], env);
    expect(back.code, back.err).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ applied: false, diff: { items: [] } });
    expect(existsSync(dataDir)).toBe(false);

    // A read-only token may list but not create.
    const ro = await run(
      ['service', 'create', '--org', 'demo-cloud', '--name-ja', 'x', '--name-en', 'x', '--model', 'saas'],
      remote('reader'),
    );
    expect(ro.code).toBe(1);
    expect(ro.err).toMatch(/does not have the scope cloud-services:write/);
  }, 180_000);

  it("verifies the server's audit chain with a platform administrator's token", async () => {
    const r = await run(['audit', 'verify'], remote('platform'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Audit chain intact: \d+ event\(s\)/);
    const refused = await run(['audit', 'verify'], remote('reader'));
    expect(refused.code).toBe(1);
  }, 60_000);

  it('says clearly when the token is revoked, expired or missing, or the URL is wrong', async () => {
    const revoked = await run(['catalog', 'diff', 'ismap', '2024-07', '2024-07'], remote('revoked'));
    expect([revoked.code, revoked.err]).toEqual([1, expect.stringMatching(/revoked/)]);
    const now = Date.now;
    try {
      // The server's clock two days on: the one-day token has expired.
      s.deps.clock = { now: () => new Date(now() + 2 * 86_400_000) };
      const expired = await run(['catalog', 'diff', 'ismap', '2024-07', '2024-07'], remote('expired'));
      expect([expired.code, expired.err]).toEqual([1, expect.stringMatching(/expired/)]);
    } finally {
      s.deps.clock = { now: () => new Date() };
    }
    const missing = await run(['map', '9.2.3', '--to', 'nist-800-53r5'], { ISMAP_SERVER: s.url });
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/needs an API token/)]);
    const badUrl = await run(['map', '9.2.3', '--to', 'x', '--server', 'not a url', '--token', 'x']);
    expect(badUrl.code).toBe(2);
    const closed = await run(['map', '9.2.3', '--to', 'nist-800-53r5', '--server', 'http://127.0.0.1:9'], {
      ISMAP_TOKEN: tokens.reader!,
    });
    expect([closed.code, closed.err]).toEqual([
      1,
      expect.stringMatching(/Cannot reach the server at http:\/\/127\.0\.0\.1:9/),
    ]);
    // A web server that is not ISMAP Hub (here: the web app's fallback or a 404 page) is named as such.
    const other = await run(['map', '9.2.3', '--to', 'nist-800-53r5', '--server', `${s.url}/not-the-api/`], {
      ISMAP_TOKEN: tokens.reader!,
    });
    expect([other.code, other.err]).toEqual([1, expect.stringMatching(/did not answer like an ISMAP Hub server/)]);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
