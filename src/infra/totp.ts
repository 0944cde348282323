import { Secret, TOTP as OtpTotp } from 'otpauth';
import { TOTP, totpStepAt } from '../core/mfa';
import type { TotpService } from '../app/ports/mfa-services';

const totpOf = (secret: string, label = 'ISMAP Hub', issuer = 'ISMAP Hub') =>
  new OtpTotp({
    issuer,
    label,
    algorithm: TOTP.algorithm,
    digits: TOTP.digits,
    period: TOTP.period,
    secret: Secret.fromBase32(secret),
  });

/** RFC 6238 through otpauth: SHA-1, 6 digits, 30 s, one step either side for clock drift. */
export const otpauthTotp: TotpService = {
  newSecret: () => new Secret({ size: 20 }).base32,
  uri: (secret, account, issuer) => totpOf(secret, account, issuer).toString(),
  matchStep(secret, code, now) {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: TOTP.window });
    return delta === null ? null : totpStepAt(now.getTime()) + delta;
  },
};
