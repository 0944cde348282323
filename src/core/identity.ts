/** Organization kinds of the ISMAP program (see shared/docs/glossary-ja-en.md). */
export const orgKinds = ['csp', 'audit_firm', 'secretariat', 'committee', 'agency'] as const;
export type OrgKind = (typeof orgKinds)[number];
// csp: クラウドサービス事業者, audit_firm: 監査機関, secretariat: 運用支援機関 (IPA),
// committee: ISMAP運営委員会, agency: 調達府省庁

/**
 * Roles inside one organization. `admin` manages the organization and its members, `editor` changes the
 * organization's work (statements, engagements, reviews), `viewer` reads it.
 */
export const roles = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface Membership {
  orgId: string;
  orgKind: OrgKind;
  role: Role;
}

/** Who is acting. Built by the server from the session; passed to policies and use cases. */
export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
  memberships: Membership[];
  /** The organization the user has switched to; null when the user belongs to none. */
  activeOrgId: string | null;
}

export const roleRank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function membershipIn(actor: Actor, orgId: string): Membership | undefined {
  return actor.memberships.find((m) => m.orgId === orgId);
}

/** True when the actor holds at least `min` in the organization. */
export function hasRole(actor: Actor, orgId: string, min: Role): boolean {
  const m = membershipIn(actor, orgId);
  return m !== undefined && roleRank[m.role] >= roleRank[min];
}

export function activeMembership(actor: Actor): Membership | undefined {
  return actor.activeOrgId ? membershipIn(actor, actor.activeOrgId) : undefined;
}

/**
 * The organization a new session acts for: the one the user last chose, while they still belong to it; otherwise
 * the membership they have held longest (`memberships` come oldest first). Being added to an organization never
 * makes it active: only the user's own choice does, or it being their only one.
 */
export function chooseActiveOrg(memberships: readonly Membership[], lastChosen: string | null): string | null {
  if (lastChosen && memberships.some((m) => m.orgId === lastChosen)) return lastChosen;
  return memberships[0]?.orgId ?? null;
}

/** The system actor used by start-up seeding and CLI commands run by an operator on the host. */
export const systemActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  isPlatformAdmin: true,
  memberships: [],
  activeOrgId: null,
};
