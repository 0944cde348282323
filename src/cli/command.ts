import type { Writable } from 'node:stream';

/** Exit codes mean something: 0 ok, 1 the command ran and failed (or found a problem), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface CommandContext {
  /** Arguments after the command's own words ('ismap oscal resolve a.json' → ['a.json']). */
  argv: string[];
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command {
  /** The words that select it: 'serve', 'db migrate', 'oscal resolve'. */
  name: string;
  summary: string;
  /** Full --help text: usage line, options, examples. */
  help: string;
  run(ctx: CommandContext): Promise<number>;
}

/** Thrown by argument parsing; the runner prints it with the command's help and exits 2. */
export class UsageError extends Error {}
