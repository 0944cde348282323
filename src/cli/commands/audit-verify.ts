import type { Command } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openRuntime } from '../runtime';
import { verifyAuditChain } from '../../app/use-cases/audit/verify-audit-chain';
import { copyDataDir, isWritableDataDir } from '../data-folder';
import { describeChainReport } from '../audit-report';
import type { ChainReport } from '../../app/use-cases/audit/verify-audit-chain';
import { remoteFrom, remoteHelp, remoteOptions } from '../remote';

export const command: Command = {
  name: 'audit verify',
  summary: 'Verify the hash chain of the audit log',
  help: `Usage: ismap audit verify [--json]

Walks every audit event in order, recomputing each event's SHA-256 over its canonical JSON and checking that it
points at the previous event's hash. Prints the first broken link with its position. With a checkpoint log
(ISMAP_AUDIT_CHECKPOINT_FILE and a key), compares the chain with every signed checkpoint and names what happened
since: truncated, rewritten or reset. Exit 0 when the chain is intact and matches every checkpoint, 1 otherwise.
A read-only embedded data folder (a backup, a mounted snapshot) is verified through a private temporary copy of it;
the folder itself is not written.

With --server, the running server verifies its own database (a platform administrator's token with audit:read).

Options:
  --json            Machine-readable output
${remoteHelp}
  -h, --help        Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { ...remoteOptions });
    const remote = remoteFrom(ctx, values);
    if (remote) {
      const r = await remote.get<ChainReport>('/audit-events/verify');
      if (values.json) writeJson(ctx.stdout, r);
      else ctx.stdout.write(describeChainReport(r));
      return r.ok ? 0 : 1;
    }
    const config = parseConfig(ctx.env, ctx.cwd);
    const copy =
      !config.databaseUrl && !isWritableDataDir(config.dataDir) ? await copyDataDir(config.dataDir) : undefined;
    if (copy) ctx.stderr.write(`The data folder ${config.dataDir} is read-only: verifying a temporary copy of it.\n`);
    let runtime: Awaited<ReturnType<typeof openRuntime>>;
    try {
      runtime = await openRuntime(
        { ...config, dataDir: copy?.dir ?? config.dataDir, logLevel: 'silent' },
        copy ? { migrate: false } : {},
      );
    } catch (e) {
      await copy?.cleanup();
      throw e;
    }
    try {
      const r = await verifyAuditChain(runtime.deps);
      if (values.json) writeJson(ctx.stdout, r);
      else ctx.stdout.write(describeChainReport(r));
      return r.ok ? 0 : 1;
    } finally {
      await runtime.close();
      await copy?.cleanup();
    }
  },
};
