import { z } from '@hono/zod-openapi';

export const Passkey = z
  .object({
    id: z.string(),
    name: z.string(),
    deviceType: z.string().openapi({ description: 'singleDevice or multiDevice (synced)' }),
    backedUp: z.boolean(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('Passkey');

export const MfaStatus = z
  .object({
    required: z.boolean().openapi({ description: 'This user must keep a second factor' }),
    totp: z.object({ enrolledAt: z.string() }).nullable(),
    passkeys: z.array(Passkey),
    recoveryCodesLeft: z.number().int(),
  })
  .openapi('MfaStatus');

export const RecoveryCodes = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .nullable()
      .openapi({ description: 'Shown once; null when the codes the user has stay valid' }),
  })
  .openapi('RecoveryCodes');

export const TotpEnrolment = z
  .object({
    secret: z.string().openapi({ description: 'Base32, for typing into an app; shown only now' }),
    uri: z.string().openapi({ description: 'otpauth:// URI' }),
    qrCode: z.string().openapi({ description: 'The URI as a QR code: an SVG data URL' }),
  })
  .openapi('TotpEnrolment');

export const WebAuthnOptions = z.record(z.string(), z.unknown()).openapi('WebAuthnOptions', {
  description: 'PublicKeyCredential{Creation,Request}OptionsJSON for @simplewebauthn/browser',
});

/** A WebAuthn response as @simplewebauthn/browser returns it (verified by the server, not by this schema). */
export const WebAuthnResponse = z.record(z.string(), z.unknown()).openapi('WebAuthnResponse');

export const SecondFactorAnswer = z
  .union([
    z.object({ totpCode: z.string().min(1).max(20) }).strict(),
    z.object({ recoveryCode: z.string().min(1).max(40) }).strict(),
    z.object({ passkey: WebAuthnResponse }).strict(),
  ])
  .openapi('SecondFactorAnswer');

export const ReauthenticateRequest = z
  .union([
    z.object({ password: z.string().min(1).max(256) }).strict(),
    z.object({ totpCode: z.string().min(1).max(20) }).strict(),
    z.object({ recoveryCode: z.string().min(1).max(40) }).strict(),
    z.object({ passkey: WebAuthnResponse }).strict(),
  ])
  .openapi('ReauthenticateRequest');

export const PasskeyParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,1400}$/)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
