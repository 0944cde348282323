import { definePolicy } from './policy';
import { hasRole, membershipIn, type Actor } from '../identity';
import type { OwnedByOrg } from './cloud-service-policy';

const member = (a: Actor, r: OwnedByOrg) => membershipIn(a, r.orgId) !== undefined;
const editor = (a: Actor, r: OwnedByOrg) => hasRole(a, r.orgId, 'editor');

/**
 * An imported SoA or SSP and its proposals are the importing CSP organization's alone: only its members read them;
 * not another CSP, audit firms, IPA, the committee, agencies or platform administrators. Editors import and decide.
 */
export const gapImportPolicy = definePolicy<OwnedByOrg, 'decide'>('gap import', {
  read: member,
  decide: editor,
});
