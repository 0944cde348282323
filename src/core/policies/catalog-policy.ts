import { definePolicy } from './policy';
import { hasRole, membershipIn, roleRank, type Actor } from '../identity';

/**
 * Catalogs (the criteria and the frameworks mapped to them). Any signed-in user reads them; anonymous callers do
 * not, for now (the public Cloud Service List will get its own public endpoints). Changing catalog content — text
 * import, mapping-collection import — is for platform administrators and the secretariat (IPA, 運用支援機関)
 * admins and editors, who maintain the criteria. Any editor may record their organization's own mappings.
 */
const secretariatEditor = (a: Actor) =>
  a.memberships.some((m) => m.orgKind === 'secretariat' && roleRank[m.role] >= roleRank.editor);
const anyEditor = (a: Actor) => a.memberships.some((m) => roleRank[m.role] >= roleRank.editor);

export const catalogPolicy = definePolicy<null, 'importText' | 'importMappings' | 'addMapping' | 'sync'>('catalog', {
  read: () => true,
  importText: (a) => a.isPlatformAdmin || secretariatEditor(a),
  importMappings: (a) => a.isPlatformAdmin || secretariatEditor(a),
  addMapping: (a) => a.isPlatformAdmin || anyEditor(a),
  sync: (a) => a.isPlatformAdmin,
});

export interface MappingSetResource {
  source: 'bundled' | 'user' | 'import';
  /** The owner organization of a 'user' or 'import' set; null: a global set (bundled, or the platform's own). */
  orgId: string | null;
  /** Set by a platform administrator: everyone signed in reads the set although an organization owns it. */
  published: boolean;
}

/** A set everyone signed in reads: it has no owner organization, or a platform administrator published it. */
export const isGlobalMappingSet = (s: MappingSetResource) => s.orgId === null || s.published;

/**
 * Mapping sets. A set an organization made (its members' manual mappings, or an import made while that
 * organization was active) is its own: only its members and platform administrators read it — in paths, node
 * pages, lists and exports — until a platform administrator publishes it.
 */
export const mappingSetPolicy = definePolicy<MappingSetResource, 'publish'>('mapping set', {
  read: (a, s) =>
    isGlobalMappingSet(s) || a.isPlatformAdmin || (s.orgId !== null && membershipIn(a, s.orgId) !== undefined),
  publish: (a, s) => a.isPlatformAdmin && s.orgId !== null,
});

export interface MappingResource {
  /** 'bundled' and 'import' mappings are content; only 'user' mappings are anybody's to delete. */
  setSource: 'bundled' | 'user' | 'import';
  /** The organization whose set holds the mapping; null for a global set. */
  orgId: string | null;
  published: boolean;
}

/** One mapping: read with its set; the owning organization's admins and platform administrators delete a user's. */
export const mappingPolicy = definePolicy<MappingResource, 'delete'>('mapping', {
  read: (a, m) => mappingSetPolicy.rules.read(a, { source: m.setSource, orgId: m.orgId, published: m.published }),
  delete: (a, m) => m.setSource === 'user' && (a.isPlatformAdmin || (m.orgId !== null && hasRole(a, m.orgId, 'admin'))),
});
