import type { Command } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openRuntime } from '../runtime';
import { verifyAuditChain } from '../../app/use-cases/verify-audit-chain';

export const command: Command = {
  name: 'audit verify',
  summary: 'Verify the hash chain of the audit log',
  help: `Usage: ismap audit verify [--json]

Walks every audit event in order, recomputing each event's SHA-256 over its canonical JSON and checking that it
points at the previous event's hash. Prints the first broken link with its position. Exit 0 when the chain is
intact, 1 when it is broken.

Options:
  --json      Machine-readable output
  -h, --help  Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {});
    const config = parseConfig(ctx.env, ctx.cwd);
    const runtime = await openRuntime({ ...config, logLevel: 'silent' });
    try {
      const r = await verifyAuditChain(runtime.deps.uow);
      if (values.json) writeJson(ctx.stdout, r);
      else if (r.ok) ctx.stdout.write(`Audit chain intact: ${r.checked} event(s), head ${r.head ?? '(empty)'}\n`);
      else {
        const b = r.broken!;
        ctx.stdout.write(`Audit chain BROKEN at position ${b.position} (seq ${b.seq}${b.id ? `, event ${b.id}` : ''}): ${b.reason}\n  expected ${b.expected}\n  found    ${b.actual}\n${b.position - 1} event(s) before it verified.\n`);
      }
      return r.ok ? 0 : 1;
    } finally {
      await runtime.close();
    }
  },
};
