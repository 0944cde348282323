import { basename, resolve as resolvePath } from 'node:path';
import { parse, writeJson } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type Command } from '../command';
import { checkStatementWorkbook } from '../../formats/statement/check';

export const command: Command = {
  name: 'statement check',
  summary: 'Lint a statement workbook (.xlsx) offline: print its registration blockers with sheet and row',
  help: `Usage: ismap statement check <statement.xlsx> [--json]

Reads a statement workbook exported by ISMAP Hub (and perhaps edited in Excel) without a server or a database,
and prints every registration blocker with the sheet and row to fix, then a summary line. The criteria are the
bundled catalog's when the workbook's catalog edition is bundled, otherwise the workbook's own columns.
Exit 0 when nothing blocks registration, 1 when any blocker or read error, 2 on a usage error.

Options:
  --json      Machine-readable result
  -h, --help  Show this help

Example:
  ismap statement check statement.xlsx`,
  async run(ctx) {
    let file: string;
    let json = false;
    try {
      const parsed = parse(ctx.argv, {}, true);
      if (parsed.positionals.length !== 1) throw new UsageError('expected exactly one workbook');
      file = parsed.positionals[0]!;
      json = parsed.values.json === true;
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      ctx.stderr.write(`ismap statement check: ${e.message}\n\n${command.help}\n`);
      return EXIT_USAGE;
    }
    const result = await checkStatementWorkbook(resolvePath(ctx.cwd, file), basename(file));
    if (json) {
      writeJson(ctx.stdout, result);
      return result.ok ? EXIT_OK : EXIT_FAILURE;
    }
    const out = (s: string) => ctx.stdout.write(`${s}\n`);
    if (result.catalog) {
      const source =
        result.criteriaSource === 'bundled'
          ? 'criteria from the bundled catalog'
          : `criteria from the workbook's own columns (${result.catalog} ${result.edition} is not bundled)`;
      out(`${file}: ${result.catalog} ${result.edition}, ${source}`);
    }
    for (const i of result.readErrors) {
      const where = i.sheet
        ? `${i.sheet}${i.row ? ` row ${i.row}` : ''}${i.column ? ` column ${i.column}` : ''}`
        : file;
      out(`${where}: ${i.code}: ${i.message}`);
    }
    if (result.readErrors.length > 0) {
      out(`${file}: ${result.readErrors.length} read error(s); fix them and check again to see the blockers`);
      return EXIT_FAILURE;
    }
    for (const b of result.blockers) {
      const where = b.sheet ? `${b.sheet} row ${b.row}` : file;
      out(`${where}: ${b.rule} (${b.clears}): ${b.message}`);
    }
    const s = result.summary!;
    const items = new Set(result.blockers.map((b) => b.itemId).filter((x) => x !== null)).size;
    out(
      `${file}: ${result.blockers.length} blocker(s) in ${items} item(s)${s.statementBlockers.length ? ` and the audit period` : ''}; ` +
        `readiness ${s.total.percent.toFixed(1)} % (${s.total.ready} of ${s.total.inScope} items in the statement ready)`,
    );
    return result.ok ? EXIT_OK : EXIT_FAILURE;
  },
};
