import type { SessionInfo } from './api/client';

export interface NavItem {
  /** i18n key under nav.* */
  key: string;
  to: string;
  section?: 'main' | 'organization' | 'admin';
  external?: boolean;
}

/**
 * The navigation a user sees follows what they may do: everybody signed in reads the catalogs; members see their
 * organization; organization admins its audit log; platform administrators the administration section. Items
 * come from the abilities the server returned, never from guessing in the browser.
 */
export function navigationFor(s: SessionInfo): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', to: '/', section: 'main' },
    { key: 'catalogs', to: '/catalogs', section: 'main' },
    { key: 'search', to: '/search', section: 'main' },
    { key: 'mappings', to: '/mappings', section: 'main' },
  ];
  if (s.abilities.importCatalogText) items.push({ key: 'importText', to: '/catalogs/import', section: 'main' });
  const active = s.organizations.find((o) => o.id === s.activeOrgId);
  if (active) {
    items.push({ key: 'organization', to: `/organizations/${active.id}`, section: 'organization' });
    if (active.abilities.viewAudit) items.push({ key: 'orgAudit', to: `/organizations/${active.id}/audit`, section: 'organization' });
  }
  if (s.abilities.createOrganization) items.push({ key: 'organizations', to: '/admin/organizations', section: 'admin' });
  if (s.abilities.listUsers) items.push({ key: 'users', to: '/admin/users', section: 'admin' });
  if (s.abilities.readAuditLog) items.push({ key: 'auditLog', to: '/admin/audit', section: 'admin' });
  items.push({ key: 'account', to: '/account', section: 'main' });
  items.push({ key: 'apiDocs', to: '/api/docs', section: 'main', external: true });
  return items;
}
