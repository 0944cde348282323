import type { Command } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openRuntime } from '../runtime';
import { dataDirError } from '../data-folder';
import { syncBundled } from '../startup';
import { seedDemo } from '../../app/use-cases/platform/seed-demo';

export const command: Command = {
  name: 'db init',
  summary: 'Prepare a database for its first start: migrations, bundled catalogs, demo data',
  help: `Usage: ismap db init [--json]

Does what the server's first start does before it listens: applies the migrations, loads the bundled catalogs,
and, on an embedded database without users (unless ISMAP_SEED_DEMO=false), creates the demo organizations and
users and prints their logins (ISMAP_DEMO_PASSWORD sets their password). \`ismap serve\` runs this in a process of
its own on a new embedded data folder, so the server does not keep the memory the loading grew. Running it again
changes nothing that is already there.

Options:
  --json      Machine-readable output: { catalogsWritten, demoLogins }
  -h, --help  Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {});
    const config = parseConfig(ctx.env, ctx.cwd);
    const runtime = await openRuntime({ ...config, logLevel: 'silent' }).catch((e: unknown) => {
      throw config.databaseUrl ? e : dataDirError(e, config.dataDir);
    });
    try {
      // Audited as the server's start-up, which this is.
      const report = await syncBundled(runtime);
      const logins =
        config.seedDemo && !config.databaseUrl ? await seedDemo(runtime.deps, { password: config.demoPassword }) : null;
      if (values.json) writeJson(ctx.stdout, { catalogsWritten: report?.written ?? 0, demoLogins: logins });
      else {
        ctx.stdout.write(`${report?.written ?? 0} catalogs and mapping sets written\n`);
        for (const l of logins ?? []) ctx.stdout.write(`${l.email}  ${l.password}  ${l.role}\n`);
      }
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
