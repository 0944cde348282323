import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DomainError } from '../core/errors';

/**
 * An exclusive lock on the embedded data folder. PGlite is a single-process engine: two processes opening the
 * same folder corrupt it, and two servers writing to one folder lose each other's commits.
 *
 * The lock is flock(2) on `ismap.lock`, held on a file descriptor this process keeps open for its whole life, so
 * the kernel releases it when the process dies however it dies (kill -9, OOM, a zombie nobody reaped), and two
 * processes racing for it cannot both win. A PID check cannot do that: in a container the server is PID 1 after
 * every restart, a zombie's PID still looks alive, and taking over a stale PID file is not atomic.
 *
 * Node has no flock API, so the util-linux `flock` program takes the lock for us: our open fd is passed to it as its
 * fd 3 and it runs `flock(3, LOCK_EX | LOCK_NB)`. A flock lock belongs to the open file description, not to the
 * process that asked for it; the child's fd 3 and our fd share one description, so when the child exits the lock
 * stays, held by our fd, until we close it or the kernel closes it for us at exit. (libuv opens files O_CLOEXEC,
 * so no later child of ours inherits the fd and outlives us holding the lock.)
 *
 * The file's contents (PID, start time) are only information for the message a refused process prints; the file is
 * never deleted, because a process could then lock the unlinked file while a third creates and locks a new one.
 */
export interface DataDirLock {
  path: string;
  release(): void;
}

const FLOCK = '/usr/bin/flock';

function describeOwner(path: string): string {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number; since?: string };
    return `PID ${owner.pid ?? 'unknown'}, since ${owner.since ?? 'unknown'}`;
  } catch {
    return 'owner unknown';
  }
}

function tryFlock(fd: number, waitSeconds: number): 'locked' | 'busy' {
  const how = waitSeconds > 0 ? ['--timeout', String(waitSeconds)] : ['--nonblock'];
  const r = spawnSync(FLOCK, [...how, '--exclusive', '3'], { stdio: ['ignore', 'ignore', 'pipe', fd] });
  if (r.error) {
    throw new Error(`Cannot take a lock: ${FLOCK} (util-linux) could not run: ${r.error.message}`);
  }
  if (r.status === 0) return 'locked';
  // flock(1) exits 1 when -n (or -w) finds the lock taken; anything else is a real failure.
  if (r.status === 1) return 'busy';
  throw new Error(`Cannot take a lock: ${FLOCK} exited ${r.status ?? r.signal}: ${String(r.stderr).trim()}`);
}

/**
 * An exclusive flock on the file at `path` (created when missing) until `release()` or the end of the process;
 * null when another open of it holds the lock (in another process, or in this one). `waitSeconds` waits that long
 * for it instead of answering at once.
 */
export function tryLockFile(path: string, opts: { waitSeconds?: number } = {}): (DataDirLock & { fd: number }) | null {
  // 'a+' creates the file when missing and never truncates what another process's lock wrote there.
  const fd = openSync(path, 'a+');
  let state: 'locked' | 'busy';
  try {
    state = tryFlock(fd, opts.waitSeconds ?? 0);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (state === 'busy') {
    closeSync(fd);
    return null;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Closing our only fd to the open file description releases the flock.
    closeSync(fd);
  };
  process.once('exit', release);
  return { path, fd, release };
}

/** Set by lockDataDir for the folders this process holds, so a second open here gets a precise message. */
const heldHere = new Set<string>();

export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'ismap.lock');
  if (heldHere.has(path))
    throw new DomainError('data_dir_locked', `The data folder ${dir} is already open in this process.`);
  const lock = tryLockFile(path);
  if (!lock) {
    throw new DomainError(
      'data_dir_locked',
      `The data folder ${dir} is in use by another ISMAP Hub process (${describeOwner(path)}). ` +
        'Stop that process first, or point ISMAP_DATA_DIR at another folder.',
    );
  }
  ftruncateSync(lock.fd, 0);
  // 'a+' appends, so after the truncate this lands at offset 0.
  writeSync(lock.fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  heldHere.add(path);
  return {
    path,
    release: () => {
      heldHere.delete(path);
      lock.release();
    },
  };
}
