import type { Command } from '../command';
import { parse, writeJson } from '../args';
import { createAuditCheckpoint } from '../../app/use-cases/audit/create-audit-checkpoint';
import { cliContext, withRuntime } from '../with-runtime';

export const command: Command = {
  name: 'audit checkpoint',
  summary: 'Sign the audit chain head now and append it to the checkpoint log',
  help: `Usage: ismap audit checkpoint [--json]

Verifies the audit events since the newest checkpoint, signs the chain head (sequence, hash, time) with the
Ed25519 key in ISMAP_AUDIT_KEY_FILE and appends it to ISMAP_AUDIT_CHECKPOINT_FILE (JSON Lines). \`ismap serve\`
does this every ISMAP_AUDIT_CHECKPOINT_INTERVAL seconds when the chain grew. Keep the key and the file outside the
data folder, and the file append-only (chattr +a, or copy it elsewhere): then \`ismap audit verify\` tells a
truncated, rewritten or reset log from an intact one, even when whoever changed it re-hashed the chain.

Options:
  --json      Machine-readable output
  -h, --help  Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {});
    const r = await withRuntime(ctx, (runtime) => createAuditCheckpoint(runtime.deps, cliContext));
    if (values.json) writeJson(ctx.stdout, r);
    else if (r.written)
      ctx.stdout.write(`Checkpoint written: seq ${r.written.seq}, head ${r.written.hash}, key ${r.written.keyId}\n`);
    else ctx.stdout.write('The audit log is empty: nothing to checkpoint.\n');
    return 0;
  },
};
