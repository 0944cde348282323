import { definePolicy } from './policy';
import { hasRole } from '../identity';

export interface OrganizationResource {
  id: string;
}

/** Organizations: members see their own; platform administrators see and manage all. */
export const organizationPolicy = definePolicy<
  OrganizationResource,
  'update' | 'manageMembers' | 'viewMembers' | 'viewAudit'
>('organization', {
  read: (a, o) => a.isPlatformAdmin || hasRole(a, o.id, 'viewer'),
  viewMembers: (a, o) => a.isPlatformAdmin || hasRole(a, o.id, 'viewer'),
  update: (a, o) => a.isPlatformAdmin || hasRole(a, o.id, 'admin'),
  manageMembers: (a, o) => a.isPlatformAdmin || hasRole(a, o.id, 'admin'),
  viewAudit: (a, o) => a.isPlatformAdmin || hasRole(a, o.id, 'admin'),
});

/** Abilities that do not belong to one existing object (creating one, listing everything). */
export const platformPolicy = definePolicy<
  null,
  'createOrganization' | 'listUsers' | 'createUser' | 'readAuditLog' | 'verifyAuditLog' | 'addMemberDirectly'
>('platform', {
  read: () => true,
  // Adding someone to an organization without their consent (the operator's CLI, the demo seed); no HTTP endpoint.
  addMemberDirectly: (a) => a.isPlatformAdmin,
  createOrganization: (a) => a.isPlatformAdmin,
  listUsers: (a) => a.isPlatformAdmin,
  createUser: (a) => a.isPlatformAdmin,
  readAuditLog: (a) => a.isPlatformAdmin,
  verifyAuditLog: (a) => a.isPlatformAdmin,
});
