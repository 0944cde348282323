import { checkBlob } from '../../blob/blob-io';
import type { AppDeps } from '../../context';

export interface StoreProblem {
  sha256: string;
  state: 'missing' | 'corrupted' | 'orphaned';
  expectedSize?: number;
  actual?: { sha256: string; size: number };
  versions?: { evidenceId: string; number: number }[];
}

export interface StoreReport {
  store: 'filesystem' | 's3';
  /** Blobs some version names, and how many of them are whole. */
  referenced: number;
  ok: number;
  /** Blobs in the store no version names (an upload cut off before its commit, or a deleted row): not evidence. */
  orphaned: number;
  missing: number;
  corrupted: number;
  bytes: number;
  problems: StoreProblem[];
}

/**
 * Walks the whole store: every blob a version names is re-hashed (missing or corrupted when it is absent or its
 * bytes hash differently), and every blob in the store that no version names is reported as orphaned. An operator
 * command (`ismap evidence verify`): it reads every organization's evidence and returns only hashes and counts.
 */
export async function verifyEvidenceStore(
  deps: Pick<AppDeps, 'uow' | 'blobs'>,
  opts: { concurrency?: number } = {},
): Promise<StoreReport> {
  const referenced = await deps.uow.read.evidence.referencedBlobs();
  const known = new Set(referenced.map((b) => b.sha256));
  const report: StoreReport = {
    store: deps.blobs.kind,
    referenced: referenced.length,
    ok: 0,
    orphaned: 0,
    missing: 0,
    corrupted: 0,
    bytes: 0,
    problems: [],
  };
  let next = 0;
  const worker = async () => {
    while (next < referenced.length) {
      const b = referenced[next++]!;
      const r = await checkBlob(deps.blobs, b);
      if (r.state === 'ok') {
        report.ok++;
        report.bytes += b.size;
        continue;
      }
      report[r.state]++;
      report.problems.push({
        sha256: b.sha256,
        state: r.state,
        expectedSize: b.size,
        ...(r.actual ? { actual: r.actual } : {}),
        versions: b.versions,
      });
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  for await (const blob of deps.blobs.list()) {
    if (known.has(blob.sha256)) continue;
    report.orphaned++;
    report.problems.push({ sha256: blob.sha256, state: 'orphaned', actual: blob });
  }
  report.problems.sort((a, b) => a.state.localeCompare(b.state) || a.sha256.localeCompare(b.sha256));
  return report;
}
