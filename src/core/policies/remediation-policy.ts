import { definePolicy } from './policy';
import { hasRole, membershipIn } from '../identity';
import type { OwnedByOrg } from './cloud-service-policy';

/**
 * A remediation plan (POA&M) says where a CSP's statement falls short: like the statement, only members of the
 * owning CSP organization read it — not other CSPs, audit firms, IPA, the committee, agencies or platform
 * administrators. Editors create, change, move, import and delete items.
 */
export const remediationPolicy = definePolicy<OwnedByOrg, 'update' | 'move' | 'delete' | 'create' | 'export'>(
  'remediation item',
  {
    read: (a, r) => membershipIn(a, r.orgId) !== undefined,
    update: (a, r) => hasRole(a, r.orgId, 'editor'),
    move: (a, r) => hasRole(a, r.orgId, 'editor'),
    delete: (a, r) => hasRole(a, r.orgId, 'editor'),
    create: (a, r) => hasRole(a, r.orgId, 'editor') && membershipIn(a, r.orgId)?.orgKind === 'csp',
    export: (a, r) => membershipIn(a, r.orgId) !== undefined,
  },
);
