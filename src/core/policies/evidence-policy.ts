import { definePolicy } from './policy';
import { hasRole, membershipIn, type Actor } from '../identity';
import type { OwnedByOrg } from './cloud-service-policy';

const member = (a: Actor, r: OwnedByOrg) => membershipIn(a, r.orgId) !== undefined;
const editor = (a: Actor, r: OwnedByOrg) => hasRole(a, r.orgId, 'editor');

/**
 * Evidence is a CSP's own: only members of the owning CSP organization read it. Not another CSP, not audit firms,
 * IPA, the committee, agencies or platform administrators (an engagement will share it with its auditors later).
 * Editors upload, change, link and retire.
 */
export const evidencePolicy = definePolicy<OwnedByOrg, 'update' | 'upload' | 'link' | 'retire'>('evidence', {
  read: member,
  update: editor,
  upload: editor,
  link: editor,
  retire: editor,
});

/** Adding evidence to an organization's library: an editor of a CSP organization. */
export const evidenceCreatePolicy = definePolicy<OwnedByOrg, 'create'>('evidence library', {
  read: member,
  create: (a, r) => editor(a, r) && membershipIn(a, r.orgId)?.orgKind === 'csp',
});
