import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { getStatement } from '../../app/use-cases/statements/get-statement';
import { statementTiers } from '../../core/statement/criteria';
import { enc, remoteFrom, remoteHelp, remoteOptions } from '../remote';
import type { ReadinessSummary } from '../../core/statement/readiness';
import type { Blocker } from '../../core/statement/blockers';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'statement readiness',
  summary: 'Show the registration readiness of a statement and every blocker; exit 1 while any blocks',
  help: `Usage: ismap statement readiness <statement-id> [--json]

Readiness of the statement for registration: the percentage of in-scope items that are ready, per tier,
and every blocker with its rule, its item and what clears it. Exits 0 when nothing blocks, 1 otherwise.

Options:
  --json      Machine-readable output (summary by tier and clause, blockers)
${remoteHelp}
  -h, --help  Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, { ...remoteOptions }, true);
    if (positionals.length !== 1) throw new UsageError('expected exactly one statement id');
    const id = positionals[0]!;
    const remote = remoteFrom(ctx, values);
    const { summary, blockers } = remote
      ? await remote.get<{ summary: ReadinessSummary; blockers: Blocker[] }>(`/statements/${enc(id)}/readiness`)
      : await withRuntime(
          ctx,
          async (runtime) => {
            const { view } = await getStatement(runtime.deps, await operatorForStatement(runtime, id), id);
            return { summary: view.readiness.summary(), blockers: view.readiness.blockers() };
          },
          { catalogs: true },
        );
    if (values.json) writeJson(ctx.stdout, { summary, blockers });
    else {
      const t = summary.total;
      ctx.stdout.write(
        `${t.percent}% ready: ${t.ready} of ${t.inScope} items in scope, ${summary.blockerCount} blockers\n`,
      );
      for (const tier of statementTiers) {
        const g = summary.byTier[tier];
        ctx.stdout.write(`  ${tier.padEnd(10)} ${String(g.percent).padStart(5)}%  ${g.ready}/${g.inScope}\n`);
      }
      for (const b of blockers)
        ctx.stdout.write(`${b.itemId ?? '(statement)'}  ${b.rule}  → ${b.clears}  ${b.message}\n`);
    }
    return summary.ready ? 0 : 1;
  },
};
