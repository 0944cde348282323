import type { Evidence, EvidenceVersion } from '../../../core/evidence/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { assertNotRetired, lockEvidence } from './evidence-access';
import type { UploadedFile } from './inputs';

/**
 * A new version of an evidence: the next number, never replacing an earlier one. A new version counts as a review
 * (the review date moves to the upload date) unless `reviewedOn` says otherwise.
 */
export async function addEvidenceVersion(
  deps: AppDeps,
  ctx: RequestContext,
  input: { evidenceId: string; file: UploadedFile; note?: string | null; reviewedOn?: string | null },
): Promise<{ evidence: Evidence; version: EvidenceVersion }> {
  const now = deps.clock.now().toISOString();
  return deps.uow.transaction(async (r) => {
    const before = await lockEvidence(r, ctx, input.evidenceId, 'upload');
    assertNotRetired(before);
    const version: EvidenceVersion = {
      evidenceId: before.id,
      number: before.currentVersion + 1,
      sha256: input.file.sha256,
      size: input.file.size,
      mediaType: input.file.mediaType,
      fileName: input.file.fileName,
      note: input.note?.trim() || null,
      uploadedAt: now,
      uploadedBy: ctx.actor.userId,
    };
    const evidence: Evidence = {
      ...before,
      currentVersion: version.number,
      reviewedOn: input.reviewedOn ?? now.slice(0, 10),
      version: before.version + 1,
      updatedAt: now,
    };
    await r.evidence.insertVersion(version);
    await r.evidence.update(evidence);
    await recordAudit(r, deps, ctx, {
      action: 'evidence.add_version',
      targetType: 'evidence',
      targetId: evidence.id,
      before,
      after: { evidence, version },
      orgId: evidence.orgId,
      details: { number: version.number, sha256: version.sha256, size: version.size, fileName: version.fileName },
    });
    return { evidence, version };
  });
}
