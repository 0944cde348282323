import type { Command } from '../command';
import { parse, writeJson } from '../args';
import { verifyEvidenceStore } from '../../app/use-cases/evidence/verify-evidence-store';
import { withRuntime } from '../with-runtime';

export const command: Command = {
  name: 'evidence verify',
  summary: 'Re-hash every evidence file in the blob store; report missing, corrupted and orphaned blobs',
  help: `Usage: ismap evidence verify [--json]

Walks the whole evidence store (the data folder's blobs, or the configured S3 bucket): every blob a version names
is read and re-hashed (SHA-256) — missing when absent, corrupted when its bytes hash differently — and every blob
no version names is reported as orphaned (an upload cut off before it was recorded: not evidence).
Exit 0 when nothing is missing or corrupted (orphans are reported but harmless), 1 otherwise.

Options:
  --json        Machine-readable output
  -h, --help    Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {});
    const report = await withRuntime(ctx, (runtime) => verifyEvidenceStore(runtime.deps));
    const bad = report.missing + report.corrupted;
    if (values.json) writeJson(ctx.stdout, { ...report, healthy: bad === 0 });
    else {
      ctx.stdout.write(
        `${report.store} store: ${report.referenced} blobs referenced, ${report.ok} ok (${report.bytes} bytes), ` +
          `${report.missing} missing, ${report.corrupted} corrupted, ${report.orphaned} orphaned\n`,
      );
      for (const p of report.problems)
        ctx.stdout.write(
          `${p.state.padEnd(9)} ${p.sha256}${p.versions ? `  ${p.versions.map((v) => `${v.evidenceId} v${v.number}`).join(', ')}` : ''}\n`,
        );
    }
    return bad === 0 ? 0 : 1;
  },
};
