import { parseNodeKey } from '../../../core/catalog/model';
import { DomainError, type Issue } from '../../../core/errors';
import { collectionIssue } from '../../../core/mapping/collection-issues';
import type { MappingSet } from '../../../core/mapping/model';
import { authorize, catalogPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { writeImportedMappingSet } from '../../write-mapping-set';

export interface ImportMappingCollectionResult {
  id: string;
  mappings: number;
  replaced: boolean;
}

/**
 * Stores a mapping set read from an OSCAL mapping-collection (the adapter parses it; see src/formats/oscal-mapping).
 * Two phases: every mapping's nodes must exist and every (source, target) pair be unique, else 'import_failed' with
 * every issue and nothing written. Re-importing the same collection replaces the earlier import. The set belongs to
 * the importer's active organization (private to it until a platform administrator publishes it; a re-import is
 * private again), or is global when imported by a platform administrator outside any organization.
 */
export async function importMappingCollection(
  deps: AppDeps,
  ctx: RequestContext,
  input: { set: MappingSet; issues?: Issue[] },
): Promise<ImportMappingCollectionResult> {
  authorize(catalogPolicy, ctx.actor, 'importMappings', null);
  const { set } = input;
  const snapshot = await deps.catalogCache.get(deps.uow);
  const issues: Issue[] = [...(input.issues ?? [])];
  const seen = new Set<string>();
  const exists = (key: string) => {
    const p = parseNodeKey(key);
    return p !== null && snapshot.tree(p.catalog, p.edition)?.byId.has(p.id) === true;
  };
  set.mappings.forEach((m, i) => {
    if (!exists(m.source))
      issues.push(
        collectionIssue('unknown_node', { node: m.source }, ['mappings', i, 'source'], `unknown node ${m.source}`),
      );
    if (!exists(m.target))
      issues.push(
        collectionIssue('unknown_node', { node: m.target }, ['mappings', i, 'target'], `unknown node ${m.target}`),
      );
    const k = `${m.source}\u0000${m.target}`;
    if (seen.has(k))
      issues.push(
        collectionIssue(
          'duplicate_mapping',
          { source: m.source, target: m.target },
          ['mappings', i],
          `duplicate mapping ${m.source} → ${m.target}`,
        ),
      );
    seen.add(k);
  });
  if (set.mappings.length === 0)
    issues.push(collectionIssue('empty_collection', {}, ['mappings'], 'the collection has no mappings'));
  if (issues.length > 0)
    throw new DomainError(
      'import_failed',
      `${issues.length} problem(s) in the mapping collection; nothing was imported`,
      issues,
      { reason: 'mapping_collection_invalid', params: { count: issues.length } },
    );

  const before = await deps.uow.read.mappings.getSet(set.id);
  if (before && before.source !== 'import')
    throw new DomainError('conflict', `mapping set ${set.id} exists and is not an import`, undefined, {
      reason: 'mapping_set_not_import',
      params: { set: set.id },
    });
  // Replacing is for the owner (and platform administrators): another organization's set keeps its id.
  if (before && !ctx.actor.isPlatformAdmin && before.orgId !== ctx.actor.activeOrgId) {
    throw new DomainError('conflict', `mapping set ${set.id} exists; import it under another id`, undefined, {
      reason: 'mapping_set_taken',
      params: { set: set.id },
    });
  }
  const owner = before ? before.orgId : ctx.actor.activeOrgId;
  const written = await deps.uow.transaction(async (r) => {
    const n = await writeImportedMappingSet(r, deps, ctx, set, owner);
    await recordAudit(r, deps, ctx, {
      action: 'mapping_set.import',
      targetType: 'mapping_set',
      targetId: set.id,
      details: { mappings: n, replaced: before !== null },
    });
    return n;
  });
  deps.catalogCache.invalidateMappings();
  return { id: set.id, mappings: written, replaced: before !== null };
}
