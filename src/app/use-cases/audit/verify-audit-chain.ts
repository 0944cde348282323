import { ChainVerifier, type ChainBreak } from '../../../core/audit-chain';
import { checkpointPayload, judgeCheckpoint, type CheckpointResult } from '../../../core/audit-checkpoint';
import type { AppDeps } from '../../context';

export interface CheckpointReport {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  result: CheckpointResult;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  head: string | null;
  broken: ChainBreak | null;
  /** The head recorded in audit_chain_head; it must equal the last event's hash (catches a deleted tail). */
  recordedHead: { seq: number; hash: string } | null | 'missing';
  /** Each signed checkpoint's verdict, oldest first; null when no checkpoint log is configured. */
  checkpoints: CheckpointReport[] | null;
  /** Line numbers of the checkpoint log that are not a checkpoint (a damaged log fails verification). */
  unreadableCheckpoints: number[];
}

/**
 * Walks the whole audit chain page by page (memory stays flat however long the log is), then compares it with
 * every signed checkpoint: a chain re-hashed after tampering is intact by itself, but no longer matches them.
 */
export async function verifyAuditChain(
  deps: Pick<AppDeps, 'uow' | 'auditCheckpoints'>,
  opts: { pageSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainReport> {
  const { uow, auditCheckpoints } = deps;
  const log = auditCheckpoints ? await auditCheckpoints.log.readAll() : null;
  const wanted = new Set(log?.checkpoints.map((c) => c.seq));
  const hashes = new Map<number, string>();
  let firstHash: string | null = null;
  let lastSeq = 0;

  const v = new ChainVerifier();
  const pageSize = opts.pageSize ?? 2000;
  let after = 0;
  for (;;) {
    const page = await uow.read.audit.query({ afterSeq: after, order: 'asc', limit: pageSize });
    for (const e of page) {
      v.push(e);
      if (e.seq === 1) firstHash = e.hash;
      if (wanted.has(e.seq)) hashes.set(e.seq, e.hash);
      lastSeq = Math.max(lastSeq, e.seq);
    }
    opts.onProgress?.(v.result().checked);
    // Past a break the chain proves nothing more, but checkpoints still need to see what is stored.
    if (page.length < pageSize || (!v.result().ok && wanted.size === 0)) break;
    after = page[page.length - 1]!.seq;
  }
  const res = v.result();
  const recordedHead = await uow.read.audit.readHead();
  let broken = res.broken;
  if (!broken && recordedHead === 'missing') {
    broken = {
      position: res.checked + 1,
      seq: 0,
      id: '',
      reason: 'head_missing',
      expected: 'the audit_chain_head row',
      actual: 'no row',
    };
  } else if (!broken && recordedHead !== 'missing' && (recordedHead?.hash ?? null) !== res.head) {
    const last = res.checked;
    broken = {
      position: last + 1,
      seq: recordedHead?.seq ?? 0,
      id: '',
      reason: 'head_mismatch',
      expected: `head ${recordedHead?.hash ?? 'empty'} at seq ${recordedHead?.seq ?? 0}`,
      actual: `last event ${res.head ?? 'none'} after ${last} events`,
    };
  }

  const facts = { firstHash, lastSeq, hashAt: (seq: number) => hashes.get(seq) };
  const checkpoints = log
    ? log.checkpoints.map((cp): CheckpointReport => {
        const signature = auditCheckpoints!.keys.verify(cp, checkpointPayload(cp));
        return {
          seq: cp.seq,
          hash: cp.hash,
          at: cp.at,
          keyId: cp.keyId,
          result: judgeCheckpoint(cp, signature, facts),
        };
      })
    : null;
  const unreadableCheckpoints = log?.unreadable ?? [];
  const ok =
    broken === null && unreadableCheckpoints.length === 0 && (checkpoints ?? []).every((c) => c.result === 'ok');
  return { ok, checked: res.checked, head: res.head, broken, recordedHead, checkpoints, unreadableCheckpoints };
}
