import { describe, expect, it } from 'vitest';
import { systemActor } from '../../../core/identity';
import { fakeDeps } from '../../testing/fake-deps';
import { createUser } from '../users/create-user';
import { signIn } from './sign-in';

// The small tier for the sign-in throttle: the use case and the throttle rules on in-memory counters. Atomicity
// across connections and engines is tested in test/db/login-throttle-contract.test.ts and over HTTP in
// test/server/login-throttle.test.ts.

const PW = 'correct horse battery';
const sys = { actor: systemActor, requestId: null };

async function world() {
  const deps = fakeDeps();
  await createUser(deps, sys, { email: 'owner@acme.example', displayName: 'O', password: PW });
  const attempt = (password: string, ip: string, deviceToken?: string | null) =>
    signIn(deps, { email: 'owner@acme.example', password, ip, userAgent: null, requestId: null, deviceToken });
  return { deps, attempt };
}

describe('sign-in throttle on in-memory ports', () => {
  it('says how long a block lasts, in words the UI translates', async () => {
    const { attempt } = await world();
    for (let i = 0; i < 5; i++)
      await expect(attempt('wrong', '10.0.0.1')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(attempt(PW, '10.0.0.1')).rejects.toMatchObject({
      code: 'too_many_attempts',
      reason: 'sign_in_throttled',
      params: { count: 1 },
      issues: [{ code: 'retry_after_seconds', message: '60', params: { seconds: 60 } }],
    });
  });

  it('hands out a known-device cookie that outlasts a block others cause', async () => {
    const { deps, attempt } = await world();
    const { deviceToken } = await attempt(PW, '10.0.0.2');
    expect(deviceToken).toBeTruthy();
    for (let i = 0; i < 5; i++) await attempt('wrong', '10.0.0.2').catch(() => undefined);
    await expect(attempt(PW, '10.0.0.2')).rejects.toMatchObject({ code: 'too_many_attempts' });
    const back = await attempt(PW, '10.0.0.2', deviceToken);
    expect(back.deviceToken).toBeNull();
    // The database keeps only the digest of the cookie.
    expect([...deps.uow.state().devices.keys()]).not.toContain(deviceToken);
  });

  it('lets the pair try again once the backoff has passed, and forgets it after a success', async () => {
    const { deps, attempt } = await world();
    for (let i = 0; i < 5; i++) await attempt('wrong', '10.0.0.3').catch(() => undefined);
    deps.advance(60_000);
    await expect(attempt(PW, '10.0.0.3')).resolves.toMatchObject({ token: expect.any(String) });
    await expect(attempt('wrong', '10.0.0.3')).rejects.toMatchObject({ code: 'invalid_credentials' });
  });
});
