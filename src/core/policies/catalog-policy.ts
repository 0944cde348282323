import { definePolicy } from './policy';
import { hasRole, roleRank, type Actor } from '../identity';

/**
 * Catalogs (the criteria and the frameworks mapped to them). Any signed-in user reads them; anonymous callers do
 * not, for now (the public Cloud Service List will get its own public endpoints). Changing catalog content — text
 * import, mapping-collection import — is for platform administrators and the secretariat (IPA, 運用支援機関)
 * admins and editors, who maintain the criteria. Any editor may record their organization's own mappings.
 */
const secretariatEditor = (a: Actor) => a.memberships.some((m) => m.orgKind === 'secretariat' && roleRank[m.role] >= roleRank.editor);
const anyEditor = (a: Actor) => a.memberships.some((m) => roleRank[m.role] >= roleRank.editor);

export const catalogPolicy = definePolicy<null, 'importText' | 'importMappings' | 'addMapping' | 'sync'>('catalog', {
  read: () => true,
  importText: (a) => a.isPlatformAdmin || secretariatEditor(a),
  importMappings: (a) => a.isPlatformAdmin || secretariatEditor(a),
  addMapping: (a) => a.isPlatformAdmin || anyEditor(a),
  sync: (a) => a.isPlatformAdmin,
});

export interface MappingResource {
  /** 'bundled' and 'import' mappings are content; only 'user' mappings are anybody's to delete. */
  setSource: 'bundled' | 'user' | 'import';
  /** The organization whose user set holds the mapping; null for the global user set. */
  orgId: string | null;
}

/** One mapping: everyone signed in reads it; the creator's organization admins and platform administrators delete it. */
export const mappingPolicy = definePolicy<MappingResource, 'delete'>('mapping', {
  read: () => true,
  delete: (a, m) => m.setSource === 'user' && (a.isPlatformAdmin || (m.orgId !== null && hasRole(a, m.orgId, 'admin'))),
});
