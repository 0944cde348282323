import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { hasRole } from '../../../core/identity';
import { relationships } from '../../../core/mapping/model';
import { authorize, catalogPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { resolveNodeRef } from '../../node-ref';
import type { MappingSetRecord, Repositories, StoredMapping } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';

export const addMappingInput = z.object({
  source: z.string().trim().min(1).max(300).describe('Source node, loosely: ismap:9.2.3, 9.2.3.11pb or a full key'),
  target: z.string().trim().min(1).max(300).describe('Target node, e.g. nist-800-53r5:ac-2'),
  relationship: z.enum(relationships),
  confidence: z.number().min(0).max(1).default(0.7),
  note: z.string().trim().max(2000).optional(),
});
export type AddMappingInput = z.input<typeof addMappingInput>;

export const GLOBAL_USER_SET = 'user:global';
export const userSetId = (orgId: string | null) => (orgId ? `user:${orgId}` : GLOBAL_USER_SET);

/** The user mapping set of the organization (created on first use); the global one for a platform admin without one. */
async function userSet(r: Repositories, deps: AppDeps, orgId: string | null): Promise<MappingSetRecord> {
  const id = userSetId(orgId);
  const existing = await r.mappings.getSet(id);
  if (existing) return existing;
  const org = orgId ? await r.organizations.get(orgId) : null;
  const set: MappingSetRecord = {
    id,
    title: org ? `Mappings recorded by ${org.nameEn}` : 'Mappings recorded by platform administrators',
    description: 'Mappings entered by hand in ISMAP Hub (method: manual).',
    provenance: org ? `ISMAP Hub users of ${org.slug}` : 'ISMAP Hub platform administrators',
    source: 'user',
    orgId,
    contentHash: null,
    updatedAt: deps.clock.now(),
    published: false,
  };
  await r.mappings.putSet(set);
  return set;
}

/**
 * Records a user's own mapping (method 'manual') in their active organization's user set. Platform administrators
 * and editors or admins of an organization may add; both nodes must exist (given loosely, stored as full keys).
 */
export async function addMapping(
  deps: AppDeps,
  ctx: RequestContext,
  raw: AddMappingInput,
): Promise<StoredMapping & { setTitle: string }> {
  const input = addMappingInput.parse(raw);
  authorize(catalogPolicy, ctx.actor, 'addMapping', null);
  const orgId = ctx.actor.activeOrgId;
  if (orgId ? !hasRole(ctx.actor, orgId, 'editor') && !ctx.actor.isPlatformAdmin : !ctx.actor.isPlatformAdmin) {
    throw new DomainError(
      'forbidden',
      'Switch to an organization where you are an editor or admin to record mappings',
      undefined,
      { reason: 'mapping_needs_editor_org' },
    );
  }
  const snapshot = await deps.catalogCache.get(deps.uow);
  const source = resolveNodeRef(snapshot, input.source);
  const target = resolveNodeRef(snapshot, input.target);
  if (source.key === target.key)
    throw new DomainError(
      'validation_failed',
      'A mapping needs two different nodes',
      [{ path: ['target'], message: 'same as source', code: 'mapping_same_node' }],
      { reason: 'mapping_same_node' },
    );
  const created = await deps.uow.transaction(async (r) => {
    const set = await userSet(r, deps, orgId);
    if (await r.mappings.exists(set.id, source.key, target.key))
      throw new DomainError('conflict', `${source.key} → ${target.key} is already in ${set.title}`, undefined, {
        reason: 'mapping_exists',
        params: { source: source.key, target: target.key, set: set.title },
      });
    const now = deps.clock.now();
    const mapping: StoredMapping = {
      id: deps.ids.uuid(),
      setId: set.id,
      source: source.key,
      target: target.key,
      relationship: input.relationship,
      provenance: { document: set.provenance, method: 'manual' },
      confidence: input.confidence,
      ...(input.note ? { note: input.note } : {}),
      createdBy: ctx.actor.userId,
      createdAt: now,
    };
    await r.mappings.insert([mapping]);
    await r.mappings.touchSet(set.id, now);
    await recordAudit(r, deps, ctx, {
      action: 'mapping.create',
      targetType: 'mapping',
      targetId: mapping.id,
      after: mapping,
      orgId,
      details: { set: set.id, source: mapping.source, target: mapping.target, relationship: mapping.relationship },
    });
    return { ...mapping, setTitle: set.title };
  });
  deps.catalogCache.invalidateMappings();
  return created;
}
