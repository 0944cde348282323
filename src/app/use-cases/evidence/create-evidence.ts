import { DomainError, issuesFromZod } from '../../../core/errors';
import { defaultReviewFrequency } from '../../../core/evidence/freshness';
import type { Evidence, EvidenceVersion } from '../../../core/evidence/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { evidenceLibraryOf } from './evidence-access';
import { evidenceMetadataInput, periodError, type EvidenceMetadataInput, type UploadedFile } from './inputs';

/** Checks the metadata (before an upload's bytes are taken): every problem with its field, nothing written. */
export function parseEvidenceMetadata(input: unknown, path: (string | number)[] = ['body']) {
  const parsed = evidenceMetadataInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError('validation_failed', 'Invalid evidence details', issuesFromZod(parsed.error.issues, path), {
      reason: 'evidence_invalid',
    });
  const bad = periodError(parsed.data.effectiveFrom, parsed.data.effectiveTo);
  if (bad)
    throw new DomainError(
      'validation_failed',
      bad,
      [{ path: [...path, 'effectiveTo'], message: bad, code: 'period_order' }],
      {
        reason: 'evidence_invalid',
      },
    );
  return parsed.data;
}

/**
 * A new evidence in the caller's organization with its first version, whose bytes the blob store already holds.
 * The record, the version and the audit row commit together: until then nothing of it is visible.
 */
export async function createEvidence(
  deps: AppDeps,
  ctx: RequestContext,
  input: { metadata: EvidenceMetadataInput; file: UploadedFile },
): Promise<{ evidence: Evidence; version: EvidenceVersion }> {
  const orgId = evidenceLibraryOf(ctx);
  const m = parseEvidenceMetadata(input.metadata);
  const now = deps.clock.now().toISOString();
  const evidence: Evidence = {
    id: deps.ids.uuid(),
    orgId,
    title: { ja: m.title.ja, en: m.title.en },
    kind: m.kind,
    effectiveFrom: m.effectiveFrom ?? null,
    effectiveTo: m.effectiveTo ?? null,
    owner: m.owner ?? null,
    tags: [...new Set(m.tags ?? [])],
    confidentiality: m.confidentiality ?? 'internal',
    reviewFrequency: m.reviewFrequency ?? defaultReviewFrequency[m.kind],
    reviewedOn: m.reviewedOn === undefined ? now.slice(0, 10) : m.reviewedOn,
    currentVersion: 1,
    retiredAt: null,
    retiredBy: null,
    retireReason: null,
    version: 1,
    createdAt: now,
    createdBy: ctx.actor.userId,
    updatedAt: now,
  };
  const version: EvidenceVersion = {
    evidenceId: evidence.id,
    number: 1,
    sha256: input.file.sha256,
    size: input.file.size,
    mediaType: input.file.mediaType,
    fileName: input.file.fileName,
    note: null,
    uploadedAt: now,
    uploadedBy: ctx.actor.userId,
  };
  return deps.uow.transaction(async (r) => {
    await r.evidence.insert(evidence);
    await r.evidence.insertVersion(version);
    await recordAudit(r, deps, ctx, {
      action: 'evidence.create',
      targetType: 'evidence',
      targetId: evidence.id,
      after: { evidence, version },
      orgId,
      details: { title: evidence.title, kind: evidence.kind, sha256: version.sha256, size: version.size },
    });
    return { evidence, version };
  });
}
