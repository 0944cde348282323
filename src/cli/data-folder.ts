import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../core/errors';
import { systemCode } from '../formats/fs-errors';

/**
 * Whether the embedded database could write in `dir`. The WebAssembly file system checks mode bits itself, even
 * for root, so a folder without write bits counts as read-only although the kernel would let root write.
 */
export function isWritableDataDir(dir: string): boolean {
  for (const p of [dir, join(dir, 'pg')]) {
    if (!existsSync(p)) continue;
    try {
      accessSync(p, constants.W_OK);
    } catch {
      return false;
    }
    if ((statSync(p).mode & 0o200) === 0) return false;
  }
  return true;
}

/** An opening failure of the embedded database in words: a full disk or a read-only data folder, else as it was. */
export function dataDirError(e: unknown, dataDir: string): unknown {
  if (e instanceof DomainError) return e;
  const code = systemCode(e);
  if (code === 'ENOSPC')
    return new DomainError(
      'disk_full',
      `the disk holding the data folder ${dataDir} is full (ENOSPC): free some space and start again`,
    );
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || !isWritableDataDir(dataDir))
    return new DomainError(
      'config_invalid',
      `the data folder ${dataDir} is read-only or not writable (${code ?? 'no write permission'}): the embedded database needs to write there (\`ismap audit verify\` can check a read-only copy)`,
    );
  return e;
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await makeWritable(p);
    else await chmod(p, 0o600);
  }
}

/**
 * A private writable copy of a read-only data folder's database, for commands that only read (PostgreSQL writes
 * even to read: WAL replay, hint bits). The original is never touched; `cleanup` removes the copy.
 */
export async function copyDataDir(dataDir: string): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ismap-readonly-copy-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await cp(join(dataDir, 'pg'), join(dir, 'pg'), { recursive: true });
    await makeWritable(dir);
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { dir, cleanup };
}
