import { ChainVerifier, type ChainBreak } from '../../core/audit-chain';
import type { UnitOfWork } from '../ports/repositories';

export interface ChainReport {
  ok: boolean;
  checked: number;
  head: string | null;
  broken: ChainBreak | null;
  /** The head recorded in audit_chain_head; it must equal the last event's hash (catches a deleted tail). */
  recordedHead: { seq: number; hash: string } | null;
}

/** Walks the whole audit chain page by page (memory stays flat however long the log is). */
export async function verifyAuditChain(uow: UnitOfWork, opts: { pageSize?: number; onProgress?: (checked: number) => void } = {}): Promise<ChainReport> {
  const v = new ChainVerifier();
  const pageSize = opts.pageSize ?? 2000;
  let after = 0;
  for (;;) {
    const page = await uow.read.audit.query({ afterSeq: after, order: 'asc', limit: pageSize });
    for (const e of page) if (!v.push(e)) break;
    opts.onProgress?.(v.result().checked);
    if (page.length < pageSize || !v.result().ok) break;
    after = page[page.length - 1]!.seq;
  }
  const res = v.result();
  const recordedHead = await uow.transaction((r) => r.audit.lockHead());
  if (res.ok && (recordedHead?.hash ?? null) !== res.head) {
    const last = res.checked;
    return {
      ...res,
      ok: false,
      recordedHead,
      broken: { position: last + 1, seq: recordedHead?.seq ?? 0, id: '', reason: 'sequence_gap', expected: `head ${recordedHead?.hash ?? 'empty'} at seq ${recordedHead?.seq ?? 0}`, actual: `last event ${res.head ?? 'none'} after ${last} events` },
    };
  }
  return { ...res, recordedHead };
}
