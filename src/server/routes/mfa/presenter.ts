import QRCode from 'qrcode';
import type { Context } from 'hono';
import type { Passkey } from '../../../app/ports/mfa-repositories';
import type { RelyingParty } from '../../../app/ports/mfa-services';
import type { SessionContext } from '../../../app/recent-auth';
import type { MfaStatus } from '../../../app/use-cases/mfa/get-mfa-status';
import type { AuthState, HonoEnv } from '../../env';
import { clientIp } from '../../middleware/request-context';
import { iso } from '../present';

/** Never the public key or counter: the list is for people to recognise and remove their passkeys. */
export const presentPasskey = (p: Passkey) => ({
  id: p.id,
  name: p.name,
  deviceType: p.deviceType,
  backedUp: p.backedUp,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: iso(p.lastUsedAt),
});

export const presentMfaStatus = (s: MfaStatus) => ({
  required: s.required,
  totp: s.totp ? { enrolledAt: s.totp.enrolledAt.toISOString() } : null,
  passkeys: s.passkeys.map(presentPasskey),
  recoveryCodesLeft: s.recoveryCodesLeft,
});

/** The QR code of the otpauth:// URI as an SVG data URL (the page's CSP allows data: images). */
export async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * The WebAuthn relying party: ISMAP_PUBLIC_URL when configured (behind a proxy), else the origin the request came
 * to. A passkey is bound to its RP ID by the browser, so a request naming another host cannot use one made here.
 */
export function relyingParty(c: Context<HonoEnv>): RelyingParty {
  const deps = c.get('deps');
  let origin = deps.publicUrl;
  if (!origin) {
    const url = new URL(c.req.url);
    const proto = deps.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
    origin = `${proto ?? url.protocol.replace(':', '')}://${url.host}`;
  }
  return { id: new URL(origin).hostname, name: 'ISMAP Hub', origin };
}

export const sessionCtx = (c: Context<HonoEnv>, auth: AuthState): SessionContext => ({
  actor: auth.actor,
  requestId: c.get('requestId'),
  session: auth.session,
  ip: clientIp(c),
  userAgent: c.req.header('user-agent') ?? null,
});
