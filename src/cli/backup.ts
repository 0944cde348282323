import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Engine } from '../db/engine';
import { packBackup } from '../infra/backup-archive';

/** What `ismap backup` writes into its archive, and `ismap restore` expects. */
export const BACKUP_FORMAT = 'ismap-backup';
export const BACKUP_VERSION = 1;
export const EVIDENCE_DIR = 'evidence';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  appVersion: string;
  engine: 'pglite';
  /** The audit checkpoint log as it was just before the database was copied (its checkpoints all verify against it). */
  auditCheckpoints: boolean;
  evidence: boolean;
}

/** Hard links (same file system: instant, and a later delete does not reach the copy), else copies. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) {
    const [a, b] = [join(from, e.name), join(to, e.name)];
    if (e.isDirectory()) await linkTree(a, b);
    else if (e.isFile()) await link(a, b).catch(() => copyFile(a, b));
  }
}

/**
 * Stages a backup of an open embedded database in a new folder inside the data folder, in the order that keeps it
 * consistent: the checkpoint log first (every checkpoint in it signs a head the database copy contains), then the
 * database (`engine.backup`: what was committed before it), then the evidence blobs (every blob a copied row names
 * was written before its row committed, so it is there).
 */
export async function stageBackup(opts: {
  engine: Engine;
  dataDir: string;
  checkpointFile: string | undefined;
  appVersion: string;
  now: Date;
}): Promise<{ dir: string; cleanup(): Promise<void> }> {
  if (!opts.engine.backup) throw new Error('only the embedded database is backed up by ismap backup');
  const dir = await mkdtemp(join(opts.dataDir, '.backup-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    let auditCheckpoints = false;
    if (opts.checkpointFile && existsSync(opts.checkpointFile)) {
      const text = await readFile(opts.checkpointFile, 'utf8');
      // A line being appended right now is left out whole.
      await writeFile(join(dir, 'audit-checkpoints.jsonl'), text.slice(0, text.lastIndexOf('\n') + 1));
      auditCheckpoints = true;
    }
    const dump = await opts.engine.backup();
    await pipeline(dump.stream() as unknown as Readable, createWriteStream(join(dir, 'pg.tar')));
    const evidence = existsSync(join(opts.dataDir, EVIDENCE_DIR));
    if (evidence) await linkTree(join(opts.dataDir, EVIDENCE_DIR), join(dir, EVIDENCE_DIR));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: opts.now.toISOString(),
      appVersion: opts.appVersion,
      engine: 'pglite',
      auditCheckpoints,
      evidence,
    };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return { dir, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** Writes `archive` to `out` through a temporary file beside it, so a failed backup leaves no half-written file. */
export async function writeArchive(archive: Readable, out: string): Promise<void> {
  const partial = `${out}.partial-${process.pid}`;
  try {
    await pipeline(archive, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    await rename(partial, out);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

/** Stages, packs and removes the staging folder once the archive has been read to its end (or failed). */
export async function backupArchive(opts: Parameters<typeof stageBackup>[0]): Promise<Readable> {
  const staged = await stageBackup(opts);
  const archive = packBackup(staged.dir);
  let cleaned = false;
  const cleanup = () => {
    if (!cleaned) void staged.cleanup();
    cleaned = true;
  };
  archive.once('end', cleanup);
  archive.once('error', cleanup);
  archive.once('close', cleanup);
  return archive;
}
