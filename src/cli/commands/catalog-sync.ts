import type { Command } from '../command';
import { parse, writeJson } from '../args';
import { syncBundled } from '../startup';
import { cliContext, withRuntime } from '../with-runtime';

export const command: Command = {
  name: 'catalog sync',
  summary: 'Load the bundled catalogs and mapping sets into the database (unchanged ones are skipped)',
  help: `Usage: ismap catalog sync [--json]

Loads every catalog edition and mapping set shipped in content/ (ISMAP criteria, ISO/IEC 27001, NIST SP 800-53
rev4/rev5 and their baselines, FedRAMP rev5 baselines, the derived mappings). An edition or set whose content hash
is unchanged is skipped; a changed one is replaced atomically, keeping texts imported into it. Each edition or set
written is one audit event. The server does this at every start.

Options:
  --json      Machine-readable output
  -h, --help  Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {});
    // An explicit sync always parses and compares, whatever the stored fingerprint says.
    const report = (await withRuntime(ctx, (runtime) => syncBundled(runtime, cliContext, true)))!;
    if (values.json) writeJson(ctx.stdout, report);
    else {
      for (const e of report.editions)
        ctx.stdout.write(`${e.action.padEnd(9)}  ${e.catalog} ${e.edition} (${e.nodes} nodes)\n`);
      for (const s of report.mappingSets)
        ctx.stdout.write(`${s.action.padEnd(9)}  mapping set ${s.id} (${s.mappings} mappings)\n`);
      ctx.stdout.write(
        `${report.written} written, ${report.editions.length + report.mappingSets.length - report.written} unchanged\n`,
      );
    }
    return 0;
  },
};
