import type { Role } from '../identity';

/** An organization's OpenID Connect identity provider (シングルサインオン設定). */
export interface SsoConfiguration {
  orgId: string;
  issuer: string;
  clientId: string;
  /** The client secret sealed with the server key; null for a public client (PKCE only). Never leaves the server. */
  clientSecretSealed: string | null;
  /** Lower-case domains whose users may sign in (`example.go.jp`); an email of any other domain is refused. */
  allowedDomains: string[];
  /** The role a user provisioned just in time gets. */
  defaultRole: Role;
  jitProvisioning: boolean;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A user as known to an identity provider: (issuer, subject) finds them again, whatever their email becomes. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  userId: string;
  orgId: string;
  createdAt: Date;
}

/** A started sign-in, kept on the server until its callback (single use, short expiry). */
export interface SsoLoginState {
  stateHash: string;
  browserHash: string;
  orgId: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/** How long a started sign-in may take at the identity provider. */
export const SSO_STATE_TTL_MS = 10 * 60_000;

/**
 * Why an SSO sign-in was refused: the UI says each in its language (`ssoRefusal.<reason>`), the audit log records it
 * (`sso.sign_in_failed`).
 */
export const ssoRefusals = [
  'state_unknown',
  'state_expired',
  'state_replayed',
  'browser_mismatch',
  'sso_disabled',
  'wrong_audience',
  'token_expired',
  'issuer_mismatch',
  'nonce_mismatch',
  'id_token_invalid',
  'idp_error',
  'idp_unreachable',
  'email_missing',
  'domain_not_allowed',
  'email_unverified',
  'existing_account_not_member',
  'not_provisioned',
  'account_disabled',
] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];
export const isSsoRefusal = (s: string): s is SsoRefusal => (ssoRefusals as readonly string[]).includes(s);

/** The domain part of an email, lower-case; null when it is not an email. */
export function emailDomain(email: string): string | null {
  const m = /^[^\s@]+@([^\s@]+)$/.exec(email.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * True when the email's domain is one of the allowed ones, exactly: `sub.example.jp` is not `example.jp`, so an
 * organization that wants its subdomains lists them.
 */
export function domainAllowed(email: string, allowed: readonly string[]): boolean {
  const d = emailDomain(email);
  return d !== null && allowed.includes(d);
}

/** Domains as stored: trimmed, lower-case, without a leading `@`, each once, in order. */
export function normalizeDomains(domains: readonly string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
}
