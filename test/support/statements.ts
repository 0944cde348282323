import type { AppDeps } from '../../src/app/context';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import type { CatalogEdition } from '../../src/core/catalog/model';
import { systemActor, type Actor, type OrgKind, type Role } from '../../src/core/identity';

const sys = { actor: systemActor, requestId: 'test' };
let n = 0;

/** An organization with one member of the given role, and that member as an actor acting for it. */
export async function actorIn(deps: AppDeps, kind: OrgKind = 'csp', role: Role = 'editor'): Promise<Actor> {
  const slug = `org-${Date.now().toString(36)}-${n++}`;
  const org = await createOrganization(deps, sys, { kind, slug, nameJa: slug, nameEn: slug });
  const user = await createUser(deps, sys, {
    email: `${slug}@x.test`,
    displayName: slug,
    password: 'statement-test-pw-1',
    memberships: [{ orgId: org.id, role }],
  });
  return {
    userId: user.id,
    isPlatformAdmin: false,
    memberships: [{ orgId: org.id, orgKind: kind, role }],
    activeOrgId: org.id,
  };
}

/** Stores an edition (nodes and all) the way an import would, for statements to be written against. */
export async function storeEdition(deps: AppDeps, e: CatalogEdition): Promise<void> {
  await deps.uow.transaction((r) =>
    r.catalogs.insertEdition(
      {
        catalog: e.catalog,
        edition: e.edition,
        title: e.title,
        provenance: e.provenance,
        publishedAt: e.publishedAt ?? null,
        contentHash: `test-${e.edition}`,
        source: 'import',
        loadedAt: new Date(),
      },
      e.nodes,
    ),
  );
  deps.catalogCache.invalidate();
}
