import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { importRemediationPlan } from '../../app/use-cases/remediation/import-remediation-plan';
import { DomainError } from '../../core/errors';
import { oscalToRemediationPlan } from '../../formats/oscal-poam';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'remediation import',
  summary: 'Import an OSCAL plan-of-action-and-milestones into a statement’s remediation plan',
  help: `Usage: ismap remediation import <file.json> --statement <id> [--dry-run] [--json]

The file is checked whole first (NIST's schema, then ISMAP Hub's values); any problem is printed with its JSON path
and nothing is written. Items with a uuid the plan already holds are updated, others created.

Options:
  --statement <id>  The statement (required)
  --dry-run         Report what would be created and updated; write nothing
  --json            Machine-readable output
  -h, --help        Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      { statement: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      true,
    );
    const file = positionals[0];
    if (!file || !values.statement) throw new UsageError('a file and --statement are required');
    const id = values.statement;
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new DomainError('import_failed', `${file} is not JSON: ${(e as Error).message}`, [
        { path: ['$'], message: 'not JSON', file: basename(file) },
      ]);
    }
    const drafts = oscalToRemediationPlan(doc, { file: basename(file) });
    const dryRun = values['dry-run'] === true;
    const r = await withRuntime(ctx, async (runtime) =>
      importRemediationPlan(runtime.deps, await operatorForStatement(runtime, id), id, drafts, {
        dryRun,
        file: basename(file),
      }),
    );
    if (values.json) writeJson(ctx.stdout, { created: r.created, updated: r.updated, dryRun });
    else
      ctx.stdout.write(
        `${dryRun ? 'would create' : 'created'} ${r.created}, ${dryRun ? 'would update' : 'updated'} ${r.updated}\n`,
      );
    return 0;
  },
};
