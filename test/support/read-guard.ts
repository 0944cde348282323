import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A test that reads outside the repository passes on one machine and fails on a fresh clone, so every read is
 * checked (vitest setup file). Allowed: the repository (incl. node_modules), the OS temp folder (per-test data
 * folders), and system folders a browser or database binary needs. A violation throws where it happens and fails
 * the test in afterEach too, in case the code under test swallowed the error.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const realTmp = (() => {
  try {
    return fs.realpathSync(tmpdir());
  } catch {
    return tmpdir();
  }
})();
const allowedRoots = [repoRoot, tmpdir(), realTmp, '/usr', '/proc', '/dev', '/sys', '/etc/ssl', '/etc/fonts'].map(
  (r) => (r.endsWith(sep) ? r : r + sep),
);
// System files the runtime and playwright read for themselves (platform detection, name resolution, time zone).
const allowedFiles = new Set([
  '/etc/os-release',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/localtime',
  '/etc/nsswitch.conf',
]);

const KEY = Symbol.for('ismap.test.readViolations');
type Store = { [KEY]?: string[] };
const violations = ((globalThis as Store)[KEY] ??= []);

/** The reads outside the repository recorded since the last call (and forgets them): for the guard's own test. */
export function takeReadViolations(): string[] {
  return violations.splice(0);
}

export function isAllowedPath(p: string): boolean {
  const abs = resolve(p);
  return allowedFiles.has(abs) || allowedRoots.some((r) => abs === r.slice(0, -1) || abs.startsWith(r));
}

function pathOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return isAbsolute(arg) ? arg : resolve(process.cwd(), arg);
  if (arg instanceof URL) return arg.protocol === 'file:' ? fileURLToPath(arg) : undefined;
  if (Buffer.isBuffer(arg)) return resolve(arg.toString());
  return undefined; // a file descriptor or handle: its open was checked
}

function check(fn: string, arg: unknown) {
  const p = pathOf(arg);
  if (p === undefined || isAllowedPath(p)) return;
  violations.push(`${fn}(${p})`);
  throw new Error(`A test read outside the repository: ${fn}(${p}). Copy the file into the repository instead.`);
}

type AnyFn = (...args: unknown[]) => unknown;
function wrap(target: Record<string, unknown>, names: string[], label: string, promises = false) {
  for (const name of names) {
    const original = target[name] as AnyFn | undefined;
    if (typeof original !== 'function' || (original as { guarded?: boolean }).guarded) continue;
    const guarded = function (this: unknown, ...args: unknown[]) {
      try {
        check(`${label}${name}`, args[0]);
      } catch (e) {
        if (promises) return Promise.reject(e);
        throw e;
      }
      return original.apply(this, args);
    };
    Object.assign(guarded, { guarded: true });
    target[name] = guarded;
  }
}

export function installReadGuard() {
  wrap(
    fs as unknown as Record<string, unknown>,
    [
      'readFileSync',
      'readFile',
      'openSync',
      'open',
      'readdirSync',
      'readdir',
      'opendirSync',
      'opendir',
      'createReadStream',
    ],
    'fs.',
  );
  const promises = fs.promises as unknown as Record<string, unknown>;
  wrap(promises, ['readFile', 'open', 'readdir', 'opendir'], 'fs.promises.', true);
  // ESM named imports (`import { readFileSync } from 'node:fs'`) are copies until synced.
  syncBuiltinESMExports();
}
