import { Secret, TOTP } from 'otpauth';
import { call, type Caller, type TestServer } from './server';

/** The code an authenticator app shows for `secret` at `at` (RFC 6238, computed with otpauth like a phone would). */
export const totpCode = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });

/** Sets up TOTP for the signed-in caller; its secret and recovery codes. */
export async function enrolTotp(s: TestServer, as: Caller, at: () => Date) {
  const start = await call(s.app, 'POST', '/auth/mfa/totp', { as });
  if (start.status !== 200) throw new Error(`totp start → ${start.status} ${JSON.stringify(start.json)}`);
  const secret = start.json.secret as string;
  const done = await call(s.app, 'POST', '/auth/mfa/totp/confirm', { as, body: { code: totpCode(secret, at()) } });
  if (done.status !== 200) throw new Error(`totp confirm → ${done.status} ${JSON.stringify(done.json)}`);
  return { secret, recoveryCodes: done.json.recoveryCodes as string[] };
}
