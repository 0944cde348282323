import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { exportFormats, exportStatement, type ExportFormat } from '../../app/use-cases/statements/export-statement';
import { blockersCsv, renderReadinessPdf, writeStatementXlsx } from '../../formats/statement';
import { enc, remoteFrom, remoteHelp, remoteOptions, type Remote } from '../remote';
import { withRuntime } from '../with-runtime';
import { operatorForStatement } from '../operator';

export const command: Command = {
  name: 'statement export',
  summary: 'Export a statement as an xlsx workbook, its readiness report as PDF, or its blockers as CSV',
  help: `Usage: ismap statement export <statement-id> [--format xlsx|pdf|csv] [--lang ja|en] [--out <file>] [--json]

Writes the statement (言明書) as an xlsx workbook (one sheet per tier, bilingual columns, change history; it
re-imports with ismap statement import), the readiness report as PDF, or the blockers as CSV (UTF-8 with BOM).
Every export is an audit event.

Options:
  --format <f>  xlsx (default), pdf or csv
  --lang <l>    ja (default) or en: the PDF's and the CSV's language
  --out <file>  Where to write (default: statement-<service>-<edition>[-…].<ext> in the current folder)
  --json        Print what was written as JSON
${remoteHelp}
  -h, --help    Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      { format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, ...remoteOptions },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one statement id');
    const format = (values.format ?? 'xlsx') as ExportFormat;
    if (!exportFormats.includes(format)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`);
    const lang = values.lang ?? 'ja';
    if (lang !== 'ja' && lang !== 'en') throw new UsageError('--lang must be ja or en');
    const id = positionals[0]!;
    const remote = remoteFrom(ctx, values);
    const { bytes, name } = remote
      ? await remoteExport(remote, id, format, lang)
      : await withRuntime(
          ctx,
          async (runtime) => {
            const e = await exportStatement(runtime.deps, await operatorForStatement(runtime, id), id, {
              format,
              lang,
            });
            if (format === 'xlsx')
              return {
                bytes: await writeStatementXlsx(e.document, { generatedAt: e.generatedAt }),
                name: `${e.fileBase}.xlsx`,
              };
            if (format === 'pdf')
              return {
                bytes: await renderReadinessPdf(e.document, e.summary, e.blockers, {
                  lang,
                  generatedAt: e.generatedAt,
                }),
                name: `${e.fileBase}-readiness-${lang}.pdf`,
              };
            return { bytes: blockersCsv(e.blockers, lang), name: `${e.fileBase}-blockers-${lang}.csv` };
          },
          { catalogs: true },
        );
    const out = resolve(ctx.cwd, values.out ?? name);
    await writeFile(out, bytes);
    if (values.json) writeJson(ctx.stdout, { file: out, bytes: bytes.length, format });
    else ctx.stdout.write(`wrote ${out} (${bytes.length} bytes)\n`);
    return 0;
  },
};

/** The server's own export route for each format (the same file the web app downloads). */
const remotePaths: Record<ExportFormat, (id: string) => string> = {
  xlsx: (id) => `/statements/${enc(id)}/export.xlsx`,
  pdf: (id) => `/statements/${enc(id)}/report.pdf`,
  csv: (id) => `/statements/${enc(id)}/blockers.csv`,
};

async function remoteExport(remote: Remote, id: string, format: ExportFormat, lang: string) {
  const { bytes, name } = await remote.download(remotePaths[format](id), format === 'xlsx' ? {} : { lang });
  return { bytes, name: name ?? `statement-${id}.${format}` };
}
