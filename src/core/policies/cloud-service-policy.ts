import { definePolicy } from './policy';
import { hasRole, membershipIn, type Actor } from '../identity';

/**
 * Cloud service offerings and their statements (言明書) hold what a CSP never publishes. Only members of the
 * owning CSP organization read them — not other CSPs, not audit firms, IPA, the committee or agencies (they will be
 * let in per engagement later), and not platform administrators either: operating the platform gives no right to
 * read a CSP's statement. Editors write; admins delete a service.
 */
export interface OwnedByOrg {
  orgId: string;
}

const member = (a: Actor, r: OwnedByOrg) => membershipIn(a, r.orgId) !== undefined;
const editor = (a: Actor, r: OwnedByOrg) => hasRole(a, r.orgId, 'editor');

export const cloudServicePolicy = definePolicy<OwnedByOrg, 'update' | 'delete' | 'createStatement'>('cloud service', {
  read: member,
  update: editor,
  delete: (a, r) => hasRole(a, r.orgId, 'admin'),
  createStatement: editor,
});

/** Creating a service in an organization: an editor of a CSP organization. */
export const cloudServiceCreatePolicy = definePolicy<OwnedByOrg, 'create'>('cloud services', {
  read: member,
  create: (a, r) => editor(a, r) && membershipIn(a, r.orgId)?.orgKind === 'csp',
});

export const statementPolicy = definePolicy<OwnedByOrg, 'edit' | 'transition' | 'export' | 'migrate'>('statement', {
  read: member,
  edit: editor,
  transition: editor,
  export: member,
  migrate: editor,
});
