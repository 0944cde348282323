import type { SsoConfiguration, SsoIdentity, SsoLoginState, SsoRefusal } from '../../core/sso/model';
import type { SecretBox } from './mfa-services';

export interface SsoRepository {
  getConfiguration(orgId: string): Promise<SsoConfiguration | null>;
  putConfiguration(config: SsoConfiguration): Promise<void>;
  /** Enabled configurations that allow this (lower-case) email domain, oldest first. */
  configurationsForDomain(domain: string): Promise<SsoConfiguration[]>;
  getIdentity(issuer: string, subject: string): Promise<SsoIdentity | null>;
  insertIdentity(identity: SsoIdentity): Promise<void>;
  /** Users that have at least one SSO identity, among the given ids. */
  usersWithIdentity(userIds: string[]): Promise<Set<string>>;
  insertState(state: SsoLoginState): Promise<void>;
  getState(stateHash: string): Promise<SsoLoginState | null>;
  /** Marks a started sign-in used; false when it already was (a replay, or a concurrent callback that won). */
  useState(stateHash: string, at: Date): Promise<boolean>;
  /** Removes started sign-ins that expired before `before` (bounded work per call). */
  purgeStates(before: Date, limit: number): Promise<number>;
}

/** What the identity provider vouched for, after openid-client checked the ID token (signature, iss, aud, exp, nonce). */
export interface OidcClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  /** Null for a public client. */
  clientSecret: string | null;
}

/** A refusal the OIDC adapter can tell apart, with the library's message for the log (never a token or secret). */
export class OidcFailure extends Error {
  constructor(
    readonly reason: Extract<
      SsoRefusal,
      | 'wrong_audience'
      | 'token_expired'
      | 'issuer_mismatch'
      | 'nonce_mismatch'
      | 'id_token_invalid'
      | 'idp_error'
      | 'idp_unreachable'
    >,
    message: string,
  ) {
    super(message);
    this.name = 'OidcFailure';
  }
}

/** The OpenID Connect relying party (openid-client in production): discovery, the authorization URL, the callback. */
export interface OidcClient {
  authorizationUrl(
    settings: OidcClientSettings,
    p: { redirectUri: string; state: string; nonce: string; codeVerifier: string },
  ): Promise<string>;
  /** Exchanges the code and validates the ID token; throws `OidcFailure`. */
  callback(
    settings: OidcClientSettings,
    p: { callbackUrl: string; state: string; nonce: string; codeVerifier: string; now: Date },
  ): Promise<OidcClaims>;
  /** A fresh PKCE verifier. */
  codeVerifier(): string;
}

/** Seals secrets at rest: the same port that seals TOTP secrets, with the key from ISMAP_SSO_SECRET_KEY. */
export type { SecretBox } from './mfa-services';

/** What SSO needs from outside, when the server offers it. */
export interface SsoServices {
  oidc: OidcClient;
  /** Absent when no ISMAP_SSO_SECRET_KEY is configured: then only public clients (no secret) can be set up. */
  secrets?: SecretBox | undefined;
}
