import { DomainError } from '../core/errors';
import { systemActor, type Actor } from '../core/identity';
import type { Organization } from '../core/records';
import type { RequestContext } from '../app/context';
import type { Runtime } from './runtime';

/**
 * The operator on the host acting for one organization (`--org <slug>`), as its admin: CLI access is full database
 * access anyway, and statements are readable only by members of their organization (platform administrators are
 * not). Audit events name the system operator under that organization.
 */
export function operatorFor(org: Pick<Organization, 'id' | 'kind'>): RequestContext {
  const actor: Actor = {
    userId: systemActor.userId,
    isPlatformAdmin: false,
    memberships: [{ orgId: org.id, orgKind: org.kind, role: 'admin' }],
    activeOrgId: org.id,
  };
  return { actor, requestId: 'cli' };
}

export async function organizationBySlug(runtime: Runtime, slug: string): Promise<Organization> {
  const org = await runtime.deps.uow.read.organizations.getBySlug(slug);
  if (!org) throw new DomainError('not_found', `No organization with slug "${slug}"`);
  return org;
}

/** The operator acting for the organization that owns the statement. */
export async function operatorForStatement(runtime: Runtime, statementId: string): Promise<RequestContext> {
  const st = await runtime.deps.uow.read.statements.get(statementId);
  const org = st ? await runtime.deps.uow.read.organizations.get(st.orgId) : null;
  if (!st || !org) throw new DomainError('not_found', `No statement ${statementId}`);
  return operatorFor(org);
}
