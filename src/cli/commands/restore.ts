import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { DomainError } from '../../core/errors';
import { lockDataDir } from '../../db/data-dir-lock';
import { restoreEmbedded } from '../../db/embedded-restore';
import { unpackBackup } from '../../infra/backup-archive';
import { BACKUP_FORMAT, BACKUP_VERSION, EVIDENCE_DIR, type BackupManifest } from '../backup';

export const command: Command = {
  name: 'restore',
  summary: 'Restore a backup made by ismap backup into an empty data folder',
  help: `Usage: ismap restore <file> [--json]

Restores a file written by \`ismap backup\` into ISMAP_DATA_DIR, which must be empty or not exist yet (a folder
with anything in it is refused: nothing is overwritten). The database and the evidence files are restored; the
audit checkpoint log in the backup is written to ISMAP_AUDIT_CHECKPOINT_FILE when that is set and the file does not
exist yet (an existing log is left as it is). Run \`ismap audit verify\` afterwards.

Options:
  --json      Machine-readable output
  -h, --help  Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, {}, true);
    if (positionals.length !== 1) throw new UsageError('give the backup file to restore');
    const file = resolve(ctx.cwd, positionals[0]!);
    const config = parseConfig(ctx.env, ctx.cwd);
    if (config.databaseUrl)
      throw new DomainError('config_invalid', 'ismap restore restores the embedded database; unset DATABASE_URL');
    if (!existsSync(file)) throw new DomainError('not_found', `${file}: no such file`);
    const dataDir = config.dataDir;
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0)
      throw new DomainError(
        'conflict',
        `the data folder ${dataDir} is not empty: restore into an empty or new folder (set ISMAP_DATA_DIR)`,
      );
    const lock = lockDataDir(dataDir);
    const staging = await mkdtemp(join(dataDir, '.restore-'));
    let restored = false;
    try {
      await unpackBackup(file, staging).catch((e: Error) => {
        throw new DomainError('validation_failed', `${file} is not a readable ismap backup: ${e.message}`);
      });
      const manifest = await readFile(join(staging, 'manifest.json'), 'utf8')
        .then((t) => JSON.parse(t) as BackupManifest)
        .catch(() => null);
      if (
        manifest?.format !== BACKUP_FORMAT ||
        manifest.version !== BACKUP_VERSION ||
        !existsSync(join(staging, 'pg.tar'))
      )
        throw new DomainError(
          'validation_failed',
          `${file} is not an ismap backup (format ${BACKUP_FORMAT} ${BACKUP_VERSION})`,
        );
      await restoreEmbedded(join(dataDir, 'pg'), join(staging, 'pg.tar'));
      if (existsSync(join(staging, EVIDENCE_DIR)))
        await rename(join(staging, EVIDENCE_DIR), join(dataDir, EVIDENCE_DIR));
      let checkpoints: 'written' | 'kept' | 'none' = 'none';
      const log = config.auditCheckpoint?.file;
      if (manifest.auditCheckpoints && log) {
        checkpoints = existsSync(log) ? 'kept' : 'written';
        if (checkpoints === 'written') await copyFile(join(staging, 'audit-checkpoints.jsonl'), log);
      }
      restored = true;
      const report = { dataDir, backupCreatedAt: manifest.createdAt, evidence: manifest.evidence, checkpoints };
      if (values.json) writeJson(ctx.stdout, report);
      else
        ctx.stdout.write(
          `Restored the backup of ${manifest.createdAt} into ${dataDir}` +
            (checkpoints === 'written' ? `; its audit checkpoint log was written to ${log}` : '') +
            (checkpoints === 'kept' ? `; the existing audit checkpoint log ${log} was left as it is` : '') +
            '.\nRun `ismap audit verify` to check it.\n',
        );
      return 0;
    } finally {
      await rm(staging, { recursive: true, force: true });
      lock.release();
      // Nothing half-restored stays behind: the folder is emptied again (it was empty before).
      if (!restored)
        for (const name of await readdir(dataDir).catch(() => [] as string[]))
          if (name !== 'ismap.lock') await rm(join(dataDir, name), { recursive: true, force: true });
    }
  },
};
