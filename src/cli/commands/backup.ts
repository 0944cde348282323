import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { DomainError, isDomainError } from '../../core/errors';
import { openEngine } from '../../db/engine';
import { backupArchive, writeArchive } from '../backup';
import { requestBackup } from '../control-socket';
import { version } from '../runtime';

export const command: Command = {
  name: 'backup',
  summary: 'Back up the embedded database (and evidence files) into one file, also while the server runs',
  help: `Usage: ismap backup --out <file> [--json]

Writes a consistent backup of the embedded database in ISMAP_DATA_DIR: everything committed before the backup
started, nothing half-written. While \`ismap serve\` runs on the folder, the server makes the copy (asked through
its control socket, <data dir>/control.sock) and keeps serving; otherwise this command opens the folder itself.
The file (a gzip-ed tar) also holds the evidence files when there are any, and a copy of the audit checkpoint log
(ISMAP_AUDIT_CHECKPOINT_FILE) as it was when the database was copied. Restore it with \`ismap restore\`.
With DATABASE_URL, back up PostgreSQL with its own tools (pg_dump, or base backups and WAL archiving for
point-in-time recovery): see docs/deployment.md.

Options:
  --out <file>  Where to write the backup (must not exist)
  --json        Machine-readable output
  -h, --help    Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { out: { type: 'string' } });
    if (!values.out) throw new UsageError('--out <file> is required');
    const out = resolve(ctx.cwd, values.out);
    const config = parseConfig(ctx.env, ctx.cwd);
    if (config.databaseUrl)
      throw new DomainError(
        'config_invalid',
        'ismap backup copies the embedded database; with DATABASE_URL use pg_dump or base backups (docs/deployment.md)',
      );
    if (!existsSync(join(config.dataDir, 'pg')))
      throw new DomainError('not_found', `no embedded database in ${config.dataDir} (ISMAP_DATA_DIR)`);
    if (existsSync(out)) throw new DomainError('conflict', `${out} exists already: choose another file`);
    const started = Date.now();
    let via: 'server' | 'direct' = 'direct';
    try {
      const engine = await openEngine({ dataDir: config.dataDir, migrate: false });
      try {
        const archive = await backupArchive({
          engine,
          dataDir: config.dataDir,
          checkpointFile: config.auditCheckpoint?.file,
          appVersion: version,
          now: new Date(),
        });
        await writeArchive(archive, out);
      } finally {
        await engine.close();
      }
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'data_dir_locked') throw e;
      // A server holds the folder: it makes the copy.
      via = 'server';
      await writeArchive(await requestBackup(config.dataDir), out);
    }
    const report = { file: out, via, ms: Date.now() - started };
    if (values.json) writeJson(ctx.stdout, report);
    else ctx.stdout.write(`Backup written to ${out} (${via === 'server' ? 'by the running server' : 'directly'})\n`);
    return 0;
  },
};
