import type { ContentRevision } from '../app/ports/repositories';

/** The channel migration 0007's triggers notify on, with the payload `<catalogs> <mappings>`. */
export const CONTENT_REVISION_CHANNEL = 'ismap_content_revision';

/** The channel migration 0011's triggers notify on when sessions, users, memberships or organizations change. */
export const IDENTITY_CHANNEL = 'ismap_identity';

export interface RevisionHandlers {
  /** A revision committed by any process on this database (this one included). */
  revision(r: ContentRevision): void;
  /** Notifications may have been missed (the listening connection was down): assume anything changed. */
  lost(): void;
}

export interface IdentityHandlers {
  /** A session, user, membership or organization changed (any process); also called when notifications were lost. */
  changed(): void;
  /** Whether notifications are being received now; while they are not, a cache must not trust itself. */
  live(listening: boolean): void;
}

export function revisionOf(payload: string): ContentRevision | null {
  const [catalogs, mappings] = payload.split(' ').map(Number);
  return Number.isFinite(catalogs) && Number.isFinite(mappings) ? { catalogs: catalogs!, mappings: mappings! } : null;
}
