import { z } from 'zod';
import { DomainError, issuesFromZod, notFound } from '../../../core/errors';
import type { EvidenceLink } from '../../../core/evidence/model';
import { authorize, statementPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { editionCriteria } from '../../statement-readiness';
import { criterionOf } from '../statements/put-statement-item';
import { assertNotRetired, lockEvidence } from './evidence-access';

export const evidenceLinkInput = z
  .object({ statementId: z.string().uuid(), itemId: z.string().trim().min(1).max(64) })
  .strict();
export type EvidenceLinkInput = z.input<typeof evidenceLinkInput>;

function parseLink(input: EvidenceLinkInput) {
  const parsed = evidenceLinkInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError('validation_failed', 'Invalid link', issuesFromZod(parsed.error.issues, ['body']));
  return parsed.data;
}

/**
 * Links (or unlinks) an evidence and a statement item. Both must be the same organization's, the caller an editor
 * of it, and the item one of the statement's edition. Linking twice is one link.
 */
export async function linkEvidence(
  deps: AppDeps,
  ctx: RequestContext,
  evidenceId: string,
  input: EvidenceLinkInput,
  mode: 'link' | 'unlink' = 'link',
): Promise<{ changed: boolean; link: Pick<EvidenceLink, 'evidenceId' | 'statementId' | 'itemId'> }> {
  const v = parseLink(input);
  const statement = await deps.uow.read.statements.get(v.statementId);
  if (!statement) throw notFound('statement');
  authorize(statementPolicy, ctx.actor, 'read', statement);
  if (mode === 'link') {
    const criteria = await editionCriteria(deps, statement.catalog, statement.edition);
    if (!criteria) throw notFound('statement');
    criterionOf(criteria.byId, v.itemId, statement.edition);
  }
  return deps.uow.transaction(async (r) => {
    const evidence = await lockEvidence(r, ctx, evidenceId, 'link');
    if (mode === 'link') assertNotRetired(evidence);
    // Another organization's statement does not exist for this evidence (404, as for its reader).
    if (statement.orgId !== evidence.orgId) throw notFound('statement');
    authorize(statementPolicy, ctx.actor, 'edit', statement);
    const link = { evidenceId, statementId: v.statementId, itemId: v.itemId };
    const changed =
      mode === 'link'
        ? await r.evidence.link({ ...link, linkedAt: deps.clock.now().toISOString(), linkedBy: ctx.actor.userId })
        : await r.evidence.unlink(evidenceId, v.statementId, v.itemId);
    if (changed)
      await recordAudit(r, deps, ctx, {
        action: mode === 'link' ? 'evidence.link' : 'evidence.unlink',
        targetType: 'evidence',
        targetId: evidenceId,
        orgId: evidence.orgId,
        details: { statementId: v.statementId, itemId: v.itemId },
      });
    return { changed, link };
  });
}
