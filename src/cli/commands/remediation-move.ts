import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { moveRemediationItem } from '../../app/use-cases/remediation/move-remediation-item';
import type { RemediationStatus } from '../../core/remediation/model';
import { DomainError } from '../../core/errors';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'remediation move',
  summary: 'Move a remediation item to another status (completing needs its linked blockers cleared)',
  help: `Usage: ismap remediation move <item id> --to open|in_progress|completed|risk_accepted|cancelled [--json]

Prints the item and the statement's readiness after the move. Exit 1 with the open blockers when completing an
item whose linked blockers readiness still reports.

Options:
  --to <status>  The new status (required)
  --json         Machine-readable output
  -h, --help     Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, { to: { type: 'string' } }, true);
    const id = positionals[0];
    if (!id || !values.to) throw new UsageError('an item id and --to are required');
    const r = await withRuntime(ctx, async (runtime) => {
      const item = await runtime.deps.uow.read.remediation.get(id);
      if (!item) throw new DomainError('not_found', `No remediation item ${id}`);
      const op = await operatorForStatement(runtime, item.statementId);
      return moveRemediationItem(runtime.deps, op, id, { version: item.version, to: values.to as RemediationStatus });
    });
    if (values.json) writeJson(ctx.stdout, r);
    else
      ctx.stdout.write(
        `${r.entry.item.id}  ${r.entry.item.status}  readiness: ${r.readiness.blockerCount} blocker(s), ${r.readiness.total.percent}% ready\n`,
      );
    return 0;
  },
};
