import type { Actor } from '../core/identity';
import type { ThrottleLimits } from '../core/login-throttle';
import type { UnitOfWork } from './ports/repositories';
import type { CatalogCache } from './catalog-cache';
import type { SessionCache } from './session-cache';
import type { StatementReadinessCache } from './statement-readiness';
import type { Clock, IdGenerator, PasswordHasher } from './ports/services';
import type { AuditCheckpoints } from './ports/audit-checkpoints';
import type { SecretBox, TotpService, WebAuthnService } from './ports/mfa-services';

/** Second factors: the TOTP and WebAuthn implementations, the key that seals TOTP secrets, and who must use one. */
export interface MfaDeps {
  totp: TotpService;
  webauthn: WebAuthnService;
  secrets: SecretBox;
  /** Platform administrators must enrol a second factor (on in production; tests of other features turn it off). */
  requiredForPlatformAdmins: boolean;
}
import type { BlobStore } from './ports/blob-store';
import type { SsoServices } from './ports/sso';

/** Everything a use case may touch, handed in by the adapter (server, CLI, tests). */
export interface AppDeps {
  uow: UnitOfWork;
  hasher: PasswordHasher;
  clock: Clock;
  ids: IdGenerator;
  /** Login throttling rules; the counters are in the database (uow.read.loginThrottle). */
  throttle: ThrottleLimits;
  /** Catalogs, search index and mapping graph in memory (see catalog-cache.ts). */
  catalogCache: CatalogCache;
  /** Recently authenticated sessions; cleared by every commit (see session-cache.ts). */
  sessionCache: SessionCache;
  /** Statements' readiness kept in memory, updated after each write (see statement-readiness.ts). */
  statementReadiness: StatementReadinessCache;
  /** Where evidence files are kept, by SHA-256 (the data folder, or an S3-compatible store). */
  blobs: BlobStore;
  /** Signed checkpoints of the audit chain, when configured (ISMAP_AUDIT_CHECKPOINT_FILE and a key). */
  auditCheckpoints?: AuditCheckpoints | undefined;
  mfa: MfaDeps;
  /** OpenID Connect single sign-on (openid-client, the secret key); absent where SSO is not offered. */
  sso?: SsoServices | undefined;
}

/** Who is asking and under which request; written into every audit event. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}
