import { writeFile } from 'node:fs/promises';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse } from '../args';
import { exportRemediationPlan } from '../../app/use-cases/remediation/export-remediation-plan';
import { remediationPlanToOscal } from '../../formats/oscal-poam';
import { validateOscalDocument } from '../../formats/oscal';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'remediation export',
  summary: 'Write a statement’s remediation plan as an OSCAL 1.1.3 plan-of-action-and-milestones',
  help: `Usage: ismap remediation export --statement <id> [--out <file>]

The document is validated against NIST's 1.1.3 schema before it is written (exit 1 if it were not valid).

Options:
  --statement <id>  The statement (required)
  --out <file>      Write here (default: standard output)
  -h, --help        Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { statement: { type: 'string' }, out: { type: 'string' } });
    if (!values.statement) throw new UsageError('--statement is required');
    const id = values.statement;
    const r = await withRuntime(ctx, async (runtime) =>
      exportRemediationPlan(runtime.deps, await operatorForStatement(runtime, id), id),
    );
    const doc = remediationPlanToOscal({
      statementId: id,
      title: `${r.loaded.service.name.en || r.loaded.service.name.ja} — remediation plan (POA&M)`,
      lastModified: r.exportedAt,
      items: r.items,
    });
    const v = validateOscalDocument(doc);
    if (!v.valid) {
      for (const e of v.errors) ctx.stderr.write(`${e.path}: ${e.message}\n`);
      return 1;
    }
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out) await writeFile(values.out, text);
    else ctx.stdout.write(text);
    return 0;
  },
};
