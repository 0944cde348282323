import { DomainError, notFound } from '../../../core/errors';
import type { Evidence, EvidenceVersion } from '../../../core/evidence/model';
import { BlobIntegrityError, verifiedRead } from '../../blob/blob-io';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { readEvidence } from './evidence-access';

const integrityFailed = (v: EvidenceVersion, state: 'missing' | 'corrupted') =>
  new DomainError('integrity_failed', `The stored file of version ${v.number} is ${state}`, [], {
    reason: state === 'missing' ? 'evidence_blob_missing' : 'evidence_blob_corrupted',
    params: { number: v.number },
  });

/**
 * A version's bytes for download, re-hashed while they stream. A blob that is missing or of the wrong size is
 * refused before the first byte; one whose bytes hash differently fails before its last chunk (the client never
 * gets the whole, wrong file). Every failure is audited (`evidence.integrity_failure`).
 */
export async function openEvidenceContent(
  deps: AppDeps,
  ctx: RequestContext,
  input: { evidenceId: string; number?: number | undefined },
): Promise<{ evidence: Evidence; version: EvidenceVersion; body: AsyncIterable<Uint8Array> }> {
  const evidence = await readEvidence(deps.uow.read, ctx, input.evidenceId);
  const number = input.number ?? evidence.currentVersion;
  const version = await deps.uow.read.evidence.getVersion(evidence.id, number);
  if (!version) throw notFound('evidence_version');
  const audit = (state: 'missing' | 'corrupted', actual?: { sha256: string; size: number }) =>
    deps.uow.transaction((r) =>
      recordAudit(r, deps, ctx, {
        action: 'evidence.integrity_failure',
        targetType: 'evidence',
        targetId: evidence.id,
        orgId: evidence.orgId,
        details: { number, state, expected: { sha256: version.sha256, size: version.size }, actual: actual ?? null },
      }),
    );
  const stat = await deps.blobs.stat(version.sha256);
  if (!stat || stat.size !== version.size) {
    const state = stat ? 'corrupted' : 'missing';
    await audit(state, stat ? { sha256: '', size: stat.size } : undefined);
    throw integrityFailed(version, state);
  }
  const source = await deps.blobs.read(version.sha256);
  if (!source) {
    await audit('missing');
    throw integrityFailed(version, 'missing');
  }
  const verified = verifiedRead(source, version, async (actual) => {
    await audit('corrupted', actual);
  });
  return { evidence, version, body: asDomainFailure(verified, version) };
}

/** A mismatch found while streaming fails with the same stable error as one found before (integrity_failed). */
async function* asDomainFailure(body: AsyncIterable<Uint8Array>, v: EvidenceVersion): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (e) {
    throw e instanceof BlobIntegrityError ? integrityFailed(v, 'corrupted') : e;
  }
}
