import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { importStatementWorkbook } from '../../app/use-cases/statements/import-statement-workbook';
import { readStatementXlsx } from '../../formats/statement';
import { enc, remoteFrom, remoteHelp, remoteOptions } from '../remote';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'statement import',
  summary: 'Import an edited statement workbook: show the diff, and with --apply write it in one transaction',
  help: `Usage: ismap statement import <statement-id> <statement.xlsx> [--apply] [--change-reason <text>] [--json]

Reads a workbook exported by ismap statement export (or the web app) and edited, and compares it with the stored
statement: every changed item and header field, before and after. Nothing is written without --apply; with it,
the changes are written in one transaction as one audit event. A workbook with problems is refused with each
problem's sheet, row and column; an item someone changed since the export refuses the whole import.

Options:
  --apply                 Write the changes (default: only show them)
  --change-reason <text>  Required while the statement is under audit
  --json                  Machine-readable result (the diff)
${remoteHelp}
  -h, --help              Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      { apply: { type: 'boolean' }, 'change-reason': { type: 'string' }, ...remoteOptions },
      true,
    );
    if (positionals.length !== 2) throw new UsageError('expected a statement id and a workbook');
    const [id, path] = positionals as [string, string];
    const bytes = await readFile(resolve(ctx.cwd, path));
    const file = basename(path);
    const remote = remoteFrom(ctx, values);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), file);
    form.set('dryRun', values.apply ? 'false' : 'true');
    if (values['change-reason'] !== undefined) form.set('changeReason', values['change-reason']);
    const result = remote
      ? await remote.post<Awaited<ReturnType<typeof importStatementWorkbook>>>(`/statements/${enc(id)}/import`, form)
      : await withRuntime(
          ctx,
          async (runtime) =>
            importStatementWorkbook(runtime.deps, await operatorForStatement(runtime, id), id, {
              parse: (criteria) => readStatementXlsx(bytes, criteria, { file }),
              file,
              dryRun: !values.apply,
              changeReason: values['change-reason'],
            }),
          { catalogs: true },
        );
    if (values.json) {
      writeJson(ctx.stdout, result);
      return 0;
    }
    const out = (s: string) => ctx.stdout.write(`${s}\n`);
    for (const h of result.diff.header)
      out(
        `${h.field}: ${JSON.stringify(h.before)} → ${JSON.stringify(h.after)}${result.ignored.includes(h.field) ? ' (not imported: edit the service)' : ''}`,
      );
    for (const i of result.diff.items)
      out(`${i.itemId}${i.stale ? ' (changed since the export)' : ''}: ${i.changes.map((c) => c.field).join(', ')}`);
    out(
      result.applied
        ? `${file}: ${result.written} item(s) written`
        : `${file}: ${result.diff.items.length} item(s) and ${result.diff.header.length} header field(s) would change; run again with --apply to write them`,
    );
    return 0;
  },
};
