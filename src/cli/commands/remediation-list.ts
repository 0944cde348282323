import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { listRemediationItems } from '../../app/use-cases/remediation/list-remediation-items';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'remediation list',
  summary: 'List the remediation plan (POA&M) of a statement, overdue items flagged',
  help: `Usage: ismap remediation list --statement <id> [--json]

Every item of the statement's remediation plan: id, status, risk, planned completion, OVERDUE when its planned
date passed while it is still open, and how many of its linked blockers readiness still reports.

Options:
  --statement <id>  The statement (required)
  --json            Machine-readable output
  -h, --help        Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { statement: { type: 'string' } });
    if (!values.statement) throw new UsageError('--statement is required');
    const id = values.statement;
    const r = await withRuntime(ctx, async (runtime) =>
      listRemediationItems(runtime.deps, await operatorForStatement(runtime, id), id),
    );
    if (values.json) writeJson(ctx.stdout, { items: r.entries, readiness: r.readiness });
    else if (r.entries.length === 0) ctx.stdout.write('The remediation plan has no items yet\n');
    else
      for (const { item: i, flags, linked } of r.entries)
        ctx.stdout.write(
          `${i.id}  ${i.status.padEnd(13)} ${i.risk.padEnd(8)} due ${i.plannedCompletion ?? '-'}${flags.overdue ? `  OVERDUE ${flags.daysOverdue}d` : ''}  open blockers ${linked.filter((l) => !l.cleared).length}  ${i.title}\n`,
        );
    return 0;
  },
};
