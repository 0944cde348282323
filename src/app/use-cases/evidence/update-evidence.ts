import { z } from 'zod';
import { DomainError, issuesFromZod } from '../../../core/errors';
import type { Evidence } from '../../../core/evidence/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { assertNotRetired, assertVersion, lockEvidence } from './evidence-access';
import { evidenceFields, periodError } from './inputs';

export const updateEvidenceInput = z
  .object({
    version: z.number().int().min(1),
    title: evidenceFields.title.optional(),
    kind: evidenceFields.kind.optional(),
    effectiveFrom: evidenceFields.effectiveFrom,
    effectiveTo: evidenceFields.effectiveTo,
    owner: evidenceFields.owner,
    tags: evidenceFields.tags,
    confidentiality: evidenceFields.confidentiality,
    reviewFrequency: evidenceFields.reviewFrequency,
    reviewedOn: evidenceFields.reviewedOn,
  })
  .strict();
export type UpdateEvidenceInput = z.input<typeof updateEvidenceInput>;

/** Changes an evidence's details (not its files: those are versions). 409 on a stale version. */
export async function updateEvidence(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateEvidenceInput,
): Promise<Evidence> {
  const parsed = updateEvidenceInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError(
      'validation_failed',
      'Invalid evidence details',
      issuesFromZod(parsed.error.issues, ['body']),
      {
        reason: 'evidence_invalid',
      },
    );
  const v = parsed.data;
  return deps.uow.transaction(async (r) => {
    const before = await lockEvidence(r, ctx, id, 'update');
    assertNotRetired(before);
    assertVersion(before, v.version);
    const pick = <K extends keyof Evidence>(k: K, value: Evidence[K] | undefined) =>
      value === undefined ? before[k] : value;
    const after: Evidence = {
      ...before,
      title: v.title ? { ja: v.title.ja, en: v.title.en } : before.title,
      kind: pick('kind', v.kind),
      effectiveFrom: pick('effectiveFrom', v.effectiveFrom),
      effectiveTo: pick('effectiveTo', v.effectiveTo),
      owner: pick('owner', v.owner),
      tags: v.tags ? [...new Set(v.tags)] : before.tags,
      confidentiality: pick('confidentiality', v.confidentiality),
      reviewFrequency: pick('reviewFrequency', v.reviewFrequency),
      reviewedOn: pick('reviewedOn', v.reviewedOn),
      version: before.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    const bad = periodError(after.effectiveFrom, after.effectiveTo);
    if (bad)
      throw new DomainError(
        'validation_failed',
        bad,
        [{ path: ['body', 'effectiveTo'], message: bad, code: 'period_order' }],
        {
          reason: 'evidence_invalid',
        },
      );
    await r.evidence.update(after);
    await recordAudit(r, deps, ctx, {
      action: 'evidence.update',
      targetType: 'evidence',
      targetId: id,
      before,
      after,
      orgId: after.orgId,
      details: { fields: Object.keys(v).filter((k) => k !== 'version') },
    });
    return after;
  });
}
