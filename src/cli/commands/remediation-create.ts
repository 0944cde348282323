import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { createRemediationItem } from '../../app/use-cases/remediation/create-remediation-item';
import { createRemediationFromBlocker } from '../../app/use-cases/remediation/create-remediation-from-blocker';
import type { BlockerRule } from '../../core/statement/blockers';
import type { RemediationRisk } from '../../core/remediation/model';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'remediation create',
  summary: 'Add an item to a statement’s remediation plan, or one for a blocker (--rule, --item)',
  help: `Usage: ismap remediation create --statement <id> (--title <text> | --rule <blocker rule> [--item <item id>])
                               [--owner <text>] [--risk low|moderate|high] [--due <YYYY-MM-DD>] [--json]

With --rule the item is made from a blocker readiness reports now (title and links prefilled; without --item,
a statement-level blocker such as period_missing).

Options:
  --statement <id>  The statement (required)
  --title <text>    Title of a new item
  --rule <rule>     Make it from this blocker
  --item <id>       The blocker's statement item
  --owner, --risk, --due  Owner, risk (default moderate), planned completion
  --json            Machine-readable output
  -h, --help        Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {
      statement: { type: 'string' },
      title: { type: 'string' },
      rule: { type: 'string' },
      item: { type: 'string' },
      owner: { type: 'string' },
      risk: { type: 'string' },
      due: { type: 'string' },
    });
    if (!values.statement) throw new UsageError('--statement is required');
    if (!values.title === !values.rule) throw new UsageError('give either --title or --rule');
    const id = values.statement;
    const extra = {
      ...(values.owner ? { owner: values.owner } : {}),
      ...(values.risk ? { risk: values.risk as RemediationRisk } : {}),
      ...(values.due ? { plannedCompletion: values.due } : {}),
    };
    const item = await withRuntime(ctx, async (runtime) => {
      const op = await operatorForStatement(runtime, id);
      return values.rule
        ? createRemediationFromBlocker(runtime.deps, op, id, {
            rule: values.rule as BlockerRule,
            itemId: values.item ?? null,
            ...extra,
          })
        : createRemediationItem(runtime.deps, op, id, { title: values.title!, ...extra });
    });
    if (values.json) writeJson(ctx.stdout, item);
    else ctx.stdout.write(`${item.id}  ${item.status}  ${item.title}\n`);
    return 0;
  },
};
