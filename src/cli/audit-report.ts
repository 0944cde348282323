import type { ChainReport } from '../app/use-cases/audit/verify-audit-chain';
import type { CheckpointResult } from '../core/audit-checkpoint';

const explain: Record<Exclude<CheckpointResult, 'ok'>, string> = {
  truncated: 'TRUNCATED — the chain now ends before this checkpoint (newest events deleted)',
  rewritten: 'REWRITTEN — the event at this position is not the one that was signed',
  reset: 'RESET — the chain was emptied or restarted from event 1',
  bad_signature: 'BAD SIGNATURE — this checkpoint line was not signed by its key',
  unknown_key: 'UNKNOWN KEY — no configured key matches this checkpoint',
};

/** `ismap audit verify` in words: the chain walk, then one line per checkpoint. */
export function describeChainReport(r: ChainReport): string {
  const lines: string[] = [];
  const b = r.broken;
  if (!b) lines.push(`Audit chain intact: ${r.checked} event(s), head ${r.head ?? '(empty)'}`);
  else if (b.reason === 'head_missing')
    lines.push(`Audit chain BROKEN: the chain-head row (audit_chain_head) is missing; ${r.checked} event(s) verified.`);
  else {
    lines.push(
      `Audit chain BROKEN at position ${b.position} (seq ${b.seq}${b.id ? `, event ${b.id}` : ''}): ${b.reason}`,
    );
    lines.push(`  expected ${b.expected}`, `  found    ${b.actual}`, `${b.position - 1} event(s) before it verified.`);
  }
  if (r.checkpoints === null) {
    lines.push(
      'No checkpoint log configured (ISMAP_AUDIT_CHECKPOINT_FILE): a re-hashed chain cannot be told from an intact one.',
    );
    return lines.join('\n') + '\n';
  }
  if (r.checkpoints.length === 0) lines.push('No signed checkpoint yet (`ismap audit checkpoint`).');
  for (const c of r.checkpoints) {
    lines.push(`Checkpoint seq ${c.seq} (${c.at}, key ${c.keyId}): ${c.result === 'ok' ? 'ok' : explain[c.result]}`);
  }
  for (const n of r.unreadableCheckpoints) lines.push(`Checkpoint log line ${n}: UNREADABLE — not a checkpoint`);
  return lines.join('\n') + '\n';
}
