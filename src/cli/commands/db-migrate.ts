import type { Command } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openEngine } from '../../db/engine';
import { dataDirError } from '../data-folder';
import { migrate } from '../../db/migrate';

export const command: Command = {
  name: 'db migrate',
  summary: 'Apply pending database migrations',
  help: `Usage: ismap db migrate [--json]

Applies the committed SQL migrations that the database (embedded in ISMAP_DATA_DIR, or DATABASE_URL) has not yet
applied. The server also does this at start. Fails when the embedded data folder is in use by a running server.

Options:
  --json      Machine-readable output
  -h, --help  Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {});
    const config = parseConfig(ctx.env, ctx.cwd);
    const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: false }).catch(
      (e: unknown) => {
        throw config.databaseUrl ? e : dataDirError(e, config.dataDir);
      },
    );
    try {
      const { applied } = await migrate(engine);
      if (values.json) writeJson(ctx.stdout, { applied, database: engine.kind });
      else
        ctx.stdout.write(
          applied.length
            ? `Applied ${applied.length} migration(s):\n${applied.map((a) => `  ${a}`).join('\n')}\n`
            : 'Database is up to date.\n',
        );
      return 0;
    } finally {
      await engine.close();
    }
  },
};
