import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestServer, type TestServer } from '../support/server';
import { testCheckpoints } from '../support/audit-checkpoints';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { createAuditCheckpoint } from '../../src/app/use-cases/audit/create-audit-checkpoint';
import { systemActor } from '../../src/core/identity';

const PW = 'verify-password-123';

describe('GET /api/v1/audit-events/verify with signed checkpoints', () => {
  let s: TestServer;
  const cps = testCheckpoints();
  beforeAll(async () => {
    s = await startTestServer();
    s.deps.auditCheckpoints = cps;
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'root@verify.test', displayName: 'R', password: PW, isPlatformAdmin: true, memberships: [] },
    );
  });
  afterAll(async () => {
    await s?.close();
    cps.cleanup();
  });

  it('reports each checkpoint by name, and a missing head row as a result rather than a 500', async () => {
    const admin = await login(s.app, 'root@verify.test', PW);
    await createAuditCheckpoint(s.deps, { actor: systemActor, requestId: null });
    const ok = await call(s.app, 'GET', '/audit-events/verify', { as: admin });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ok: true, broken: null, unreadableCheckpoints: [] });
    const [cp] = ok.json.checkpoints as { seq: number; result: string }[];
    expect(cp).toMatchObject({ result: 'ok' });

    await s.engine.exec(
      `DELETE FROM audit_events WHERE seq = ${cp!.seq}; UPDATE audit_chain_head SET seq = seq - 1, hash = (SELECT hash FROM audit_events WHERE seq = ${cp!.seq - 1})`,
    );
    const cut = await call(s.app, 'GET', '/audit-events/verify', { as: admin });
    expect(cut.json).toMatchObject({ ok: false, broken: null, checkpoints: [{ result: 'truncated' }] });

    await s.engine.exec('DELETE FROM audit_chain_head');
    const headless = await call(s.app, 'GET', '/audit-events/verify', { as: admin });
    expect(headless.status).toBe(200);
    expect(headless.json).toMatchObject({ ok: false, broken: { reason: 'head_missing' } });
  });
});
