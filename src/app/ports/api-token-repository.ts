import type { ApiToken } from '../../core/api-tokens';
import type { Membership } from '../../core/identity';
import type { User } from '../../core/records';

/** A token with what the server needs to build its actor, in one read. */
export interface ApiTokenWithUser {
  token: ApiToken;
  user: User;
  memberships: Membership[];
}

export interface ApiTokenRepository {
  insert(token: ApiToken): Promise<void>;
  get(id: string): Promise<ApiToken | null>;
  getByHash(tokenHash: string): Promise<ApiTokenWithUser | null>;
  /** The user's tokens, newest first (revoked and expired ones too: the account page shows what became of them). */
  listForUser(userId: string): Promise<ApiToken[]>;
  /** Tokens neither revoked nor expired at `now`. */
  countActiveForUser(userId: string, now: Date): Promise<number>;
  /** False when the token was revoked already. */
  revoke(id: string, at: Date, by: string): Promise<boolean>;
  /**
   * Records a use, unless one was recorded less than `minIntervalMs` before `at` (checked in the same statement, so
   * concurrent requests write it once). True when it wrote.
   */
  touch(id: string, at: Date, ip: string | null, minIntervalMs: number): Promise<boolean>;
}
