import type { Actor } from '../../../core/identity';
import { abilities, organizationPolicy } from '../../../core/policies';
import type { Organization } from '../../../core/records';
import type { MemberRow } from '../../../app/ports/repositories';

/** An organization with what the caller may do with it (the only place abilities are attached). */
export const presentOrganization = (o: Organization, actor: Actor) => ({
  ...o,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
  abilities: abilities(organizationPolicy, actor, o),
});

export const presentMember = (m: MemberRow) => ({ ...m, createdAt: m.createdAt.toISOString() });
