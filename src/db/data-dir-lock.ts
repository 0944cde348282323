import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
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
  /** The descriptor holding the lock: handed to a child process (`HANDED_LOCK_FD`) to lend it the folder. */
  fd: number;
  release(): void;
}

/**
 * Set by a process that holds a data folder's lock for a child it starts to work in the folder while it waits
 * (`ismap serve` on a new folder, src/cli/first-start.ts): the child's descriptor number of the parent's lock file,
 * passed through `stdio`. The two descriptors share one open file description, so the lock is held from before
 * the child starts until after it ends, and the child's exit does not release it.
 */
export const HANDED_LOCK_FD = 'ISMAP_DATA_DIR_LOCK_FD';

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

export function lockDataDir(dir: string, env: NodeJS.ProcessEnv = process.env): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'ismap.lock');
  if (heldHere.has(path))
    throw new DomainError('data_dir_locked', `The data folder ${dir} is already open in this process.`);
  if (env[HANDED_LOCK_FD] !== undefined) return handedLock(dir, path, Number(env[HANDED_LOCK_FD]));
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
    fd: lock.fd,
    release: () => {
      heldHere.delete(path);
      lock.release();
    },
  };
}

/**
 * The lock a parent handed over (`HANDED_LOCK_FD`): checked to be a descriptor of this folder's lock file that holds
 * the lock (flock on a description that already holds it succeeds at once; on any other it finds it busy).
 * Releasing only closes this process's descriptor: the parent's keeps the lock.
 */
function handedLock(dir: string, path: string, fd: number): DataDirLock {
  let same = false;
  try {
    const [a, b] = [fstatSync(fd), statSync(path)];
    same = a.ino === b.ino && a.dev === b.dev;
  } catch {
    same = false;
  }
  if (!same || tryFlock(fd, 0) !== 'locked')
    throw new DomainError(
      'data_dir_locked',
      `The data folder ${dir} was not handed over with its lock (${HANDED_LOCK_FD}).`,
    );
  heldHere.add(path);
  let released = false;
  return {
    path,
    fd,
    release: () => {
      if (released) return;
      released = true;
      heldHere.delete(path);
      closeSync(fd);
    },
  };
}
