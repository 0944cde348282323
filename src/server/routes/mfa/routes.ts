import { createRoute, z } from '@hono/zod-openapi';
import { sessionOnly } from '../../token-scope';
import { apiRouter } from '../../openapi';
import { getMfaStatus } from '../../../app/use-cases/mfa/get-mfa-status';
import { startTotpEnrolment } from '../../../app/use-cases/mfa/start-totp-enrolment';
import { confirmTotpEnrolment } from '../../../app/use-cases/mfa/confirm-totp-enrolment';
import { removeTotp } from '../../../app/use-cases/mfa/remove-totp';
import { regenerateRecoveryCodes } from '../../../app/use-cases/mfa/regenerate-recovery-codes';
import {
  finishPasskeyRegistration,
  passkeyName,
  startPasskeyRegistration,
} from '../../../app/use-cases/mfa/passkey-registration';
import { removePasskey, renamePasskey } from '../../../app/use-cases/mfa/manage-passkey';
import { requireAuth, requireSession } from '../../middleware/request-context';
import { errorResponses, jsonBody, jsonOk } from '../../schemas';
import { presentMfaStatus, presentPasskey, qrDataUrl, relyingParty, sessionCtx } from './presenter';
import { MfaStatus, Passkey, PasskeyParam, RecoveryCodes, TotpEnrolment, WebAuthnOptions } from './schemas';

const tags = ['Multi-factor authentication'];
const reauth = {
  403: {
    description: 'Not allowed; `reason: reauthentication_required` when the last proof of identity is too old',
    content: errorResponses[403].content,
  },
};
const responses = { ...errorResponses, ...reauth };

const statusRoute = createRoute({
  method: 'get',
  path: '/auth/mfa',
  ...sessionOnly,
  tags,
  summary: 'Your second factors (also while you must enrol one)',
  responses: { 200: jsonOk(MfaStatus, 'Second factors'), ...errorResponses },
});
const totpStart = createRoute({
  method: 'post',
  path: '/auth/mfa/totp',
  ...sessionOnly,
  tags,
  summary: 'Start setting up an authenticator app: a new secret and its QR code (shown only now)',
  responses: { 200: jsonOk(TotpEnrolment, 'Secret to scan'), ...responses },
});
const totpConfirm = createRoute({
  method: 'post',
  path: '/auth/mfa/totp/confirm',
  ...sessionOnly,
  tags,
  summary: 'Confirm the authenticator app with its first code; the first factor comes with recovery codes',
  request: { body: jsonBody(z.object({ code: z.string().min(1).max(20) })) },
  responses: { 200: jsonOk(RecoveryCodes, 'Enrolled'), ...responses },
});
const totpRemove = createRoute({
  method: 'delete',
  path: '/auth/mfa/totp',
  ...sessionOnly,
  tags,
  summary: 'Remove the authenticator app (needs a recent re-authentication)',
  responses: { 204: { description: 'Removed' }, ...responses },
});
const recoveryRoute = createRoute({
  method: 'post',
  path: '/auth/mfa/recovery-codes',
  ...sessionOnly,
  tags,
  summary: 'Replace your recovery codes with ten new ones (shown once)',
  responses: { 200: jsonOk(RecoveryCodes, 'New codes'), ...responses },
});
const passkeyOptions = createRoute({
  method: 'post',
  path: '/auth/mfa/passkeys/options',
  ...sessionOnly,
  tags,
  summary: 'WebAuthn options to register a passkey',
  description:
    '`passwordless: true` (the default) asks for a discoverable passkey that verifies its user (PIN or biometrics): ' +
    'it can then also sign in without a password (POST /auth/passkey). `false` registers a second factor only, ' +
    'for security keys that cannot store a passkey or verify their user.',
  request: {
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ passwordless: z.boolean().default(true) }).strict() } },
    },
  },
  responses: { 200: jsonOk(WebAuthnOptions, 'Options for navigator.credentials.create()'), ...responses },
});
const passkeyRegister = createRoute({
  method: 'post',
  path: '/auth/mfa/passkeys',
  ...sessionOnly,
  tags,
  summary: 'Register a passkey with the authenticator’s answer',
  request: { body: jsonBody(z.object({ name: passkeyName, response: z.record(z.string(), z.unknown()) })) },
  responses: {
    201: jsonOk(z.object({ passkey: Passkey, recoveryCodes: z.array(z.string()).nullable() }), 'Registered'),
    ...responses,
  },
});
const passkeyRename = createRoute({
  method: 'patch',
  path: '/auth/mfa/passkeys/{id}',
  ...sessionOnly,
  tags,
  summary: 'Rename one of your passkeys',
  request: { params: PasskeyParam, body: jsonBody(z.object({ name: passkeyName })) },
  responses: { 200: jsonOk(Passkey, 'Renamed'), ...errorResponses },
});
const passkeyRemove = createRoute({
  method: 'delete',
  path: '/auth/mfa/passkeys/{id}',
  ...sessionOnly,
  tags,
  summary: 'Remove one of your passkeys (needs a recent re-authentication)',
  request: { params: PasskeyParam },
  responses: { 204: { description: 'Removed' }, ...responses },
});

/** Enrolling is also what a session that must enrol may do; everything else needs a signed-in session. */
const enrolling = ['enrol'] as const;

export function mfaRoutes() {
  const app = apiRouter();
  app.openapi(statusRoute, async (c) => {
    const auth = requireSession(c, enrolling);
    return c.json(presentMfaStatus(await getMfaStatus(c.get('deps'), sessionCtx(c, auth), auth.user)), 200);
  });
  app.openapi(totpStart, async (c) => {
    const auth = requireSession(c, enrolling);
    const r = await startTotpEnrolment(c.get('deps'), sessionCtx(c, auth), auth.user);
    return c.json({ ...r, qrCode: await qrDataUrl(r.uri) }, 200);
  });
  app.openapi(totpConfirm, async (c) => {
    const auth = requireSession(c, enrolling);
    return c.json(await confirmTotpEnrolment(c.get('deps'), sessionCtx(c, auth), c.req.valid('json')), 200);
  });
  app.openapi(totpRemove, async (c) => {
    await removeTotp(c.get('deps'), sessionCtx(c, requireAuth(c)));
    return c.body(null, 204);
  });
  app.openapi(recoveryRoute, async (c) => {
    return c.json(await regenerateRecoveryCodes(c.get('deps'), sessionCtx(c, requireAuth(c))), 200);
  });
  app.openapi(passkeyOptions, async (c) => {
    const auth = requireSession(c, enrolling);
    const body = (c.req.valid('json') as { passwordless?: boolean } | undefined) ?? {};
    const options = await startPasskeyRegistration(c.get('deps'), sessionCtx(c, auth), {
      user: auth.user,
      rp: relyingParty(c),
      passwordless: body.passwordless ?? true,
    });
    return c.json(options, 200);
  });
  app.openapi(passkeyRegister, async (c) => {
    const auth = requireSession(c, enrolling);
    const body = c.req.valid('json');
    const r = await finishPasskeyRegistration(c.get('deps'), sessionCtx(c, auth), { ...body, rp: relyingParty(c) });
    return c.json({ passkey: presentPasskey(r.passkey), recoveryCodes: r.recoveryCodes }, 201);
  });
  app.openapi(passkeyRename, async (c) => {
    const ctx = sessionCtx(c, requireAuth(c));
    const pk = await renamePasskey(c.get('deps'), ctx, { id: c.req.valid('param').id, ...c.req.valid('json') });
    return c.json(presentPasskey(pk), 200);
  });
  app.openapi(passkeyRemove, async (c) => {
    await removePasskey(c.get('deps'), sessionCtx(c, requireAuth(c)), { id: c.req.valid('param').id });
    return c.body(null, 204);
  });
  return app;
}
