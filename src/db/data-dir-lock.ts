import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/errors';

/**
 * An exclusive lock on the embedded data folder. PGlite is a single-process engine: two processes opening the
 * same folder corrupt it. The lock file holds the owner's PID; it is created with O_EXCL, and a lock whose PID
 * is no longer alive (a crash) is taken over.
 */
export interface DataDirLock {
  path: string;
  release(): void;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'ismap.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid: number };
          if (owner.pid === process.pid) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: { pid?: number; since?: string } = {};
      try {
        owner = JSON.parse(readFileSync(path, 'utf8')) as typeof owner;
      } catch {
        /* half-written lock file: treat as stale */
      }
      if (owner.pid && owner.pid !== process.pid && pidAlive(owner.pid)) {
        throw new DomainError(
          'data_dir_locked',
          `The data folder ${dir} is in use by another ISMAP Hub process (PID ${owner.pid}, since ${owner.since ?? 'unknown'}). ` +
            'Stop that process first, or point ISMAP_DATA_DIR at another folder.',
        );
      }
      if (owner.pid === process.pid) throw new DomainError('data_dir_locked', `The data folder ${dir} is already open in this process.`);
      // Stale lock from a process that died: take it over.
      writeFileSync(path + '.stale', JSON.stringify(owner));
      unlinkSync(path);
    }
  }
  throw new DomainError('data_dir_locked', `Could not lock the data folder ${dir}.`);
}
