import { ChainVerifier, type ChainFormat } from '../../../core/audit-chain';
import { checkpointPayload, type CheckpointBody, type SignedCheckpoint } from '../../../core/audit-checkpoint';
import { DomainError } from '../../../core/errors';
import { authorize, platformPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';

export interface CheckpointOutcome {
  /** The checkpoint written, or null when there was nothing new to sign. */
  written: SignedCheckpoint | null;
  skipped?: 'empty' | 'unchanged';
}

/**
 * Signs the audit chain's head and appends it to the checkpoint log. The events since the newest checkpoint are
 * verified first, so a chain that was already tampered with is refused rather than blessed. `onlyIfChanged`
 * (the periodic run) skips writing when the head is the newest checkpoint's.
 */
export async function createAuditCheckpoint(
  deps: Pick<AppDeps, 'uow' | 'clock' | 'auditCheckpoints'>,
  ctx: RequestContext,
  input: { onlyIfChanged?: boolean } = {},
): Promise<CheckpointOutcome> {
  authorize(platformPolicy, ctx.actor, 'verifyAuditLog', null);
  const cps = deps.auditCheckpoints;
  if (!cps?.signer) {
    throw new DomainError(
      'config_invalid',
      'Audit checkpoints are not configured: set ISMAP_AUDIT_KEY_FILE and ISMAP_AUDIT_CHECKPOINT_FILE (see `ismap audit keygen --help`).',
    );
  }
  const head = await deps.uow.read.audit.readHead();
  if (head === 'missing')
    throw new DomainError('conflict', 'The audit chain head is missing from the database: run `ismap audit verify`.');
  if (head === null) return { written: null, skipped: 'empty' };
  const { checkpoints } = await cps.log.readAll();
  const last = checkpoints.at(-1);
  if (input.onlyIfChanged && last && last.seq === head.seq && last.hash === head.hash)
    return { written: null, skipped: 'unchanged' };

  const [first] = await deps.uow.read.audit.query({ afterSeq: 0, order: 'asc', limit: 1 });
  if (!first || first.seq !== 1)
    throw new DomainError('conflict', 'The audit chain does not start at event 1: run `ismap audit verify`.');
  // Verify from the newest checkpoint still matching the chain (everything before it was verified when it was made).
  let from: { seq: number; hash: string; format: ChainFormat } | null = null;
  if (last && last.firstHash === first.hash) {
    const [atLast] = await deps.uow.read.audit.query({ afterSeq: last.seq - 1, order: 'asc', limit: 1 });
    if (atLast?.seq === last.seq && atLast.hash === last.hash)
      from = { seq: atLast.seq, hash: atLast.hash, format: atLast.format };
  }
  const v = new ChainVerifier(from);
  let after = from?.seq ?? 0;
  // Up to the head read above: events appended meanwhile belong to the next checkpoint.
  for (let done = false; !done;) {
    const page = await deps.uow.read.audit.query({
      afterSeq: after,
      beforeSeq: head.seq + 1,
      order: 'asc',
      limit: 2000,
    });
    for (const e of page) v.push(e);
    done = page.length < 2000 || !v.result().ok;
    if (!done) after = page[page.length - 1]!.seq;
  }
  const r = v.result();
  if (!r.ok || r.head !== head.hash) {
    throw new DomainError(
      'conflict',
      'The audit chain does not verify, so it is not checkpointed: run `ismap audit verify`.',
    );
  }
  const body: CheckpointBody = {
    v: 1,
    seq: head.seq,
    hash: head.hash,
    firstHash: first.hash,
    at: deps.clock.now().toISOString(),
    keyId: cps.signer.keyId,
  };
  const written: SignedCheckpoint = { ...body, signature: cps.signer.sign(checkpointPayload(body)) };
  await cps.log.append(written);
  return { written };
}
