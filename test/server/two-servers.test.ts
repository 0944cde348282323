import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { loadBundledContent } from '../../src/formats/bundled';
import { createPgDatabase } from '../support/engines';
import { call, login, type Caller } from '../support/server';
import { eventually, inProcessServer, sys, type InProcessServer } from '../support/two-servers';

const PW = 'two-servers-password-1';

const run = inject('pgUrl') ? describe : describe.skip;

// Two server processes on one PostgreSQL: each serves reads from its own snapshot, and learns of the other's
// commits by LISTEN/NOTIFY on the content revision (migration 0007), never by polling per request.
run('two servers on one PostgreSQL', () => {
  let a: InProcessServer;
  let b: InProcessServer;
  let onA: Caller;
  let onB: Caller;
  let orgId: string;

  beforeAll(async () => {
    const url = await createPgDatabase();
    a = await inProcessServer(url);
    b = await inProcessServer(url);
    await syncBundledCatalogs(a.deps, sys, await loadBundledContent());
    orgId = (
      await createOrganization(a.deps, sys, { kind: 'csp', slug: 'two-csp', nameJa: 'クラウド', nameEn: 'Cloud' })
    ).id;
    await createUser(a.deps, sys, {
      email: 'editor@two.test',
      displayName: 'E',
      password: PW,
      memberships: [{ orgId, role: 'editor' }],
    });
    onA = await login(a.app, 'editor@two.test', PW);
    onB = await login(b.app, 'editor@two.test', PW);
  }, 120_000);
  afterAll(async () => {
    await a?.engine.close();
    await b?.engine.close();
  });

  it('serves on one server a manual mapping written through the other', async () => {
    const node = '/catalogs/ismap/editions/2024-07/nodes/9.2.3';
    const mine = (r: Awaited<ReturnType<typeof call>>) =>
      (r.json as { mappingsOut: { note?: string }[] }).mappingsOut.some((m) => m.note === 'from server A');
    // B has its snapshot loaded before the write, so it must learn of the write to serve it.
    const before = await call(b.app, 'GET', node, { as: onB });
    expect(before.status).toBe(200);
    expect(mine(before)).toBe(false);
    const add = await call(a.app, 'POST', '/mappings', {
      as: onA,
      body: {
        source: 'ismap:9.2.3',
        target: 'nist-800-53r5:ac-6.9',
        relationship: 'intersects-with',
        note: 'from server A',
      },
    });
    expect(add.status, JSON.stringify(add.json)).toBe(201);
    expect(mine(await call(a.app, 'GET', node, { as: onA }))).toBe(true);
    await eventually('the mapping on server B', () => call(b.app, 'GET', node, { as: onB }), mine);
    const paths = await call(b.app, 'GET', '/mappings/paths?from=ismap:9.2.3&to=nist-800-53r5&maxDepth=1', { as: onB });
    expect((paths.json as { targets: { target: string }[] }).targets.map((t) => t.target)).toContain(
      'nist-800-53r5:5.1.1:ac-6.9',
    );
    expect(b.deps.catalogCache.seen.mappings).toBeGreaterThanOrEqual(
      (await b.deps.uow.read.contentRevision.get()).mappings,
    );
  });

  it('serves on one server a deletion made through the other', async () => {
    const sets = await call(b.app, 'GET', '/mapping-sets', { as: onB });
    expect(
      (sets.json as { sets: { id: string; count: number }[] }).sets.find((s) => s.id === `user:${orgId}`)?.count,
    ).toBe(1);
    const [m] = await a.deps.uow.read.mappings.bySet(`user:${orgId}`);
    await a.deps.uow.transaction((r) => r.mappings.delete(m!.id));
    await eventually(
      'the deletion on server B',
      () => call(b.app, 'GET', '/mapping-sets', { as: onB }),
      (r) =>
        (r.json as { sets: { id: string; count: number }[] }).sets.find((s) => s.id === `user:${orgId}`)?.count === 0,
    );
  });
});
