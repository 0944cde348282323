import { z } from 'zod';
import { DomainError, issuesFromZod } from '../../../core/errors';
import type { Evidence } from '../../../core/evidence/model';
import type { StoredStatement } from '../../ports/repositories';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { assertNotRetired, assertVersion, lockEvidence } from './evidence-access';

export const retireEvidenceInput = z
  .object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(2000) })
  .strict();

/** An audit period is open while its statement is not audited or superseded and the period has not ended. */
export function periodOpen(s: Pick<StoredStatement, 'state' | 'period'>, today: string): boolean {
  return s.state !== 'audited' && s.state !== 'superseded' && s.period !== null && s.period.end >= today;
}

/**
 * Retires an evidence instead of deleting it: the record, its versions and blobs stay (the audit trail points at
 * them) and it leaves the library's default list. Refused while a statement whose audit period is open links it.
 */
export async function retireEvidence(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof retireEvidenceInput>,
): Promise<Evidence> {
  const parsed = retireEvidenceInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError('validation_failed', 'Give a reason', issuesFromZod(parsed.error.issues, ['body']), {
      reason: 'evidence_invalid',
    });
  const now = deps.clock.now().toISOString();
  return deps.uow.transaction(async (r) => {
    const before = await lockEvidence(r, ctx, id, 'retire');
    assertNotRetired(before);
    assertVersion(before, parsed.data.version);
    const links = await r.evidence.linksOfEvidence(id);
    const open: string[] = [];
    for (const statementId of new Set(links.map((l) => l.statementId))) {
      const s = await r.statements.get(statementId);
      if (s && periodOpen(s, now.slice(0, 10))) open.push(statementId);
    }
    if (open.length)
      throw new DomainError('conflict', 'An open audit period uses this evidence', [], {
        reason: 'evidence_in_open_period',
        params: { count: open.length },
        details: { statements: open },
      });
    const after: Evidence = {
      ...before,
      retiredAt: now,
      retiredBy: ctx.actor.userId,
      retireReason: parsed.data.reason,
      version: before.version + 1,
      updatedAt: now,
    };
    await r.evidence.update(after);
    await recordAudit(r, deps, ctx, {
      action: 'evidence.retire',
      targetType: 'evidence',
      targetId: id,
      before,
      after,
      orgId: after.orgId,
      details: { reason: parsed.data.reason },
    });
    return after;
  });
}
