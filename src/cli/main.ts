import { EXIT_FAILURE, EXIT_USAGE, UsageError, type CommandContext } from './command';
import { isDomainError } from '../core/errors';
import { commands, type CommandEntry } from './registry';
import { errorLine } from './error-line';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'ismap — ISMAP Hub command line',
    '',
    'Usage: ismap <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'ismap <command> --help' for a command's options.",
    'Exit codes: 0 ok, 1 failure, 2 usage error.',
  ].join('\n');
}

/** Finds the longest command name matching the leading words. */
function lookup(argv: string[]): { command: CommandEntry; rest: string[] } | null {
  let best: { command: CommandEntry; rest: string[] } | null = null;
  for (const c of commands) {
    const words = c.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length))
      best = { command: c, rest: argv.slice(words.length) };
  }
  return best;
}

export async function main(argv: string[], io: Partial<CommandContext> = {}): Promise<number> {
  const ctx: Omit<CommandContext, 'argv'> = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    ctx.stdout.write(overview() + '\n');
    return argv.length === 0 ? EXIT_USAGE : 0;
  }
  const found = lookup(argv);
  if (!found) {
    ctx.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${overview()}\n`);
    return EXIT_USAGE;
  }
  const { rest } = found;
  const command = await found.command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(command.help.trim() + '\n');
    return 0;
  }
  try {
    return await command.run({ ...ctx, argv: rest });
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr.write(`ismap ${command.name}: ${e.message}\n\n${command.help.trim()}\n`);
      return EXIT_USAGE;
    }
    if (isDomainError(e)) {
      ctx.stderr.write(`ismap ${command.name}: ${e.message}\n`);
      for (const i of e.issues ?? [])
        ctx.stderr.write(
          `  - ${i.row ? `row ${i.row}: ` : ''}${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}\n`,
        );
      return EXIT_FAILURE;
    }
    ctx.stderr.write(`ismap ${command.name}: ${errorLine(e)}\n`);
    if (ctx.env.ISMAP_DEBUG === '1') ctx.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    return EXIT_FAILURE;
  }
}
