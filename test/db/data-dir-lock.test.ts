import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { HANDED_LOCK_FD, lockDataDir } from '../../src/db/data-dir-lock';

/**
 * The data-folder lock (src/db/data-dir-lock.ts) across real processes. The holder is bundled to plain JavaScript
 * once so each of the few hundred processes below starts in tens of milliseconds.
 */
const root = resolve(__dirname, '..', '..');
let work: string;
let holder: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ismap-lock-'));
  holder = join(work, 'lock-holder.mjs');
  await build({
    entryPoints: [join(root, 'test/support/lock-holder.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: holder,
    logLevel: 'silent',
  });
});
afterEach(async () => {
  await Promise.all(children.splice(0).map(killAndWait));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function killAndWait(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    c.once('exit', () => res());
    c.kill('SIGKILL');
  });
}

/** Starts a holder (optionally through another command, e.g. unshare) and resolves with its one line of output. */
function startHolder(
  dir: string,
  prefix: string[] = [],
  handed?: number,
): { child: ChildProcess; line: Promise<string> } {
  const argv = [...prefix, process.execPath, holder, dir];
  const child = spawn(argv[0]!, argv.slice(1), {
    stdio: ['ignore', 'pipe', 'inherit', ...(handed === undefined ? [] : [handed])],
    env: handed === undefined ? process.env : { ...process.env, [HANDED_LOCK_FD]: '3' },
  });
  children.push(child);
  const line = new Promise<string>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) res(out.split('\n')[0]!);
    });
    child.once('exit', (code) => rej(new Error(`holder exited (${code}) before answering: ${out}`)));
  });
  line.catch(() => undefined);
  return { child, line };
}

const freshDir = () => mkdtempSync(join(work, 'data-'));

describe('data-folder lock', () => {
  it('refuses a second process, naming the owner, and is released by kill -9', async () => {
    const dir = freshDir();
    const a = startHolder(dir);
    expect(await a.line).toMatch(/^locked /);
    const b = startHolder(dir);
    expect(await b.line).toMatch(new RegExp(`^refused .*in use by another ISMAP Hub process \\(PID ${a.child.pid}`));
    await killAndWait(a.child);
    // Right after the kill: the kernel has closed the dead process's files, so the lock is free.
    expect(await startHolder(dir).line).toMatch(/^locked /);
  });

  it('is released by a killed process that nobody has reaped (a zombie keeps its PID)', async () => {
    const dir = freshDir();
    // sh runs the holder in the background and then becomes `sleep`, which never waits for it: once killed, the
    // holder stays a zombie whose PID still answers kill(pid, 0).
    const sh = spawn('sh', ['-c', `"${process.execPath}" "${holder}" "${dir}" & echo $!; exec sleep 60`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(sh);
    const pid = Number(await new Promise<string>((res) => sh.stdout!.once('data', (d) => res(String(d).trim()))));
    for (
      let i = 0;
      i < 200 && !readFileSync(join(dir, 'ismap.lock'), { flag: 'a+', encoding: 'utf8' }).includes(`${pid}`);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 200 && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toContain(') Z ');
    expect(await startHolder(dir).line).toMatch(/^locked /);
  });

  it('restarts as PID 1 in a fresh PID namespace after kill -9 (a container restart)', async () => {
    const dir = freshDir();
    // --kill-child: killing unshare (the cleanup) must take its child, PID 1 inside, with it.
    const unshare = ['unshare', '--fork', '--pid', '--mount-proc', '--kill-child'];
    const first = startHolder(dir, unshare);
    expect(await first.line).toBe('locked 1');
    // Kill the namespace's PID 1 itself (unshare's child), as a container runtime would.
    const inner = Number(readFileSync(`/proc/${first.child.pid}/task/${first.child.pid}/children`, 'utf8').trim());
    process.kill(inner, 'SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(JSON.parse(readFileSync(join(dir, 'ismap.lock'), 'utf8'))).toMatchObject({ pid: 1 });
    expect(await startHolder(dir, unshare).line).toBe('locked 1');
  });

  it('lets exactly one of two processes racing for a stale lock take it (100 rounds)', async () => {
    const dir = freshDir();
    // A stale lock file as a crash leaves it: a PID that is not running.
    writeFileSync(join(dir, 'ismap.lock'), JSON.stringify({ pid: 2 ** 22 + 1, since: '2026-01-01T00:00:00.000Z' }));
    const winners: number[] = [];
    for (let round = 0; round < 100; round++) {
      const racers = [startHolder(dir), startHolder(dir)];
      const lines = await Promise.all(racers.map((r) => r.line));
      winners.push(lines.filter((l) => l.startsWith('locked ')).length);
      // Killed, not stopped: the next round races for the lock a crash left behind.
      await Promise.all(children.splice(0).map(killAndWait));
    }
    expect(winners.filter((n) => n !== 1)).toEqual([]);
  }, 120_000);

  it('lends a held lock to a child as its descriptor 3, still held when the child ends, and only that way', async () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    try {
      const child = startHolder(dir, [], lock.fd);
      expect(await child.line).toMatch(/^locked /);
      await killAndWait(child.child);
      expect(await startHolder(dir).line).toMatch(/^refused .*in use by another ISMAP Hub process/);
      // Another open of the lock file is not the held lock, and another file is not the lock file.
      const other = openSync(join(dir, 'ismap.lock'), 'r');
      const stranger = openSync(join(dir, 'stranger'), 'a+');
      try {
        expect(await startHolder(dir, [], other).line).toMatch(/^refused .*not handed over with its lock/);
        expect(await startHolder(dir, [], stranger).line).toMatch(/^refused .*not handed over with its lock/);
      } finally {
        closeSync(other);
        closeSync(stranger);
      }
    } finally {
      lock.release();
    }
    expect(await startHolder(dir).line).toMatch(/^locked /);
  });

  it('refuses the same folder twice in one process and can be taken again after release', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    lock.release();
    lockDataDir(dir).release();
  });
});
