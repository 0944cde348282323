import type { SessionInfo } from './api/client';

export interface NavItem {
  /** i18n key under nav.* */
  key: string;
  to: string;
  section: 'main' | 'organization' | 'admin' | 'user';
  external?: boolean;
}

/** Pages that only some callers may open; the rest are open to everybody signed in. */
export type GuardedPage =
  'importText' | 'orgAudit' | 'organizations' | 'users' | 'auditLog' | 'cloudServices' | 'evidence';

/**
 * Whether the caller may open a page, from the abilities the server returned (never guessed in the browser).
 * `orgId` is the organization in the page's URL.
 */
export function canOpen(s: SessionInfo, page: GuardedPage, orgId?: string): boolean {
  switch (page) {
    case 'importText':
      return !!s.abilities.importCatalogText;
    case 'orgAudit':
      return !!s.abilities.readAuditLog || !!s.organizations.find((o) => o.id === orgId)?.abilities.viewAudit;
    case 'organizations':
      return !!s.abilities.createOrganization;
    case 'users':
      return !!s.abilities.listUsers;
    case 'auditLog':
      return !!s.abilities.readAuditLog;
    case 'cloudServices':
      return cloudServicesOf(s) !== undefined;
    // The evidence library is the active CSP organization's own (members only, as the server enforces).
    case 'evidence':
      return cloudServicesOf(s) !== undefined;
  }
}

/**
 * The organization whose cloud services (and their statements) the caller works on: the active one, when it is a
 * cloud service provider. Only its members read them (cloudServicePolicy) — not platform administrators — and the
 * session lists only the caller's own organizations, so membership is given; the server refuses everyone else.
 */
export function cloudServicesOf(s: SessionInfo): SessionInfo['organizations'][number] | undefined {
  const active = s.organizations.find((o) => o.id === s.activeOrgId);
  return active?.kind === 'csp' ? active : undefined;
}

/**
 * The navigation a user sees follows what they may do: everybody signed in reads the catalogs; members see their
 * organization; organization admins its audit log; platform administrators the administration section. The
 * order is the order of work: the criteria first, then one's organization, then administration, and last the
 * personal and reference links.
 */
export function navigationFor(s: SessionInfo): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', to: '/', section: 'main' },
    { key: 'catalogs', to: '/catalogs', section: 'main' },
    { key: 'search', to: '/search', section: 'main' },
    { key: 'mappings', to: '/mappings', section: 'main' },
  ];
  if (canOpen(s, 'importText')) items.push({ key: 'importText', to: '/catalogs/import', section: 'main' });
  const active = s.organizations.find((o) => o.id === s.activeOrgId);
  if (canOpen(s, 'cloudServices')) items.push({ key: 'cloudServices', to: '/services', section: 'organization' });
  if (canOpen(s, 'evidence')) items.push({ key: 'evidence', to: '/evidence', section: 'organization' });
  if (active) {
    items.push({ key: 'organization', to: `/organizations/${active.id}`, section: 'organization' });
    if (active.abilities.viewAudit)
      items.push({ key: 'orgAudit', to: `/organizations/${active.id}/audit`, section: 'organization' });
  }
  if (canOpen(s, 'organizations')) items.push({ key: 'organizations', to: '/admin/organizations', section: 'admin' });
  if (canOpen(s, 'users')) items.push({ key: 'users', to: '/admin/users', section: 'admin' });
  if (canOpen(s, 'auditLog')) items.push({ key: 'auditLog', to: '/admin/audit', section: 'admin' });
  items.push({ key: 'account', to: '/account', section: 'user' });
  items.push({ key: 'apiDocs', to: '/api/docs', section: 'user', external: true });
  return items;
}
