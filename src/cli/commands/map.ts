import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { findMappingPaths } from '../../app/use-cases/mappings/find-mapping-paths';
import type { MappingPath } from '../../core/mapping/graph';
import { confidenceLabel } from '../../core/mapping/model';
import { cliContext, withRuntime } from '../with-runtime';
import { remoteFrom, remoteHelp, remoteOptions } from '../remote';

/** `ismap:2024-07:9.2.3` → `ismap:9.2.3`: editions are named once in the header. */
const short = (key: string) => key.replace(/^([^:]+):[^:]+:/, '$1:');

export function formatPath(p: MappingPath): string {
  // A hop to another edition of the starting catalog (an edition succession) keeps that edition in view.
  const start = /^([^:]+):([^:]+):/.exec(p.links[0]!.from);
  const label = (key: string) =>
    start && key.startsWith(`${start[1]}:`) && !key.startsWith(start[0]) ? key : short(key);
  const chain = [short(p.links[0]!.from), ...p.links.map((l) => `=${l.relationship}=> ${label(l.to)}`)].join(' ');
  const sources = p.links.map(
    (l) =>
      `      ${label(l.from)} → ${label(l.to)}: ${l.provenance.method}, ${l.provenance.document}${l.inverted ? ' (read in reverse)' : ''}, confidence ${l.confidence}`,
  );
  return [
    `  ${chain}`,
    `    → ${p.relationship}, confidence ${p.confidence} (${confidenceLabel(p.confidence)}), ${p.method}`,
    ...sources,
  ].join('\n');
}

export const command: Command = {
  name: 'map',
  summary: 'Show how a control maps to another framework, path by path with provenance',
  help: `Usage: ismap map <node> --to <catalog> [--via <catalog,catalog>] [--max-depth <n>] [--json]

Follows the stored mappings from a node to every node of the target catalog, and prints each path with the
relationship of each link, where the link comes from (provenance), the composed relationship and confidence,
then the reached targets grouped with their strongest relationship.

The node may be given loosely: ismap:9.2.3, 9.2.3 (ISMAP, newest edition), 9.2.3.11pb, nist-800-53r5:AC-2(1),
or a full key ismap:2024-07:9.2.3. Without a catalog, an id ISMAP does not have is looked up in every catalog
whose ids look like it (A.9.2.3 → iso27001-2013); when several have it (AC-2), the command exits 1 listing them
with their catalogs (nist-800-53r5:ac-2, nist-800-53r4:ac-2, …) so that you can name one. A path from a newer edition may first hop to the edition it was created from
(shown with its edition, e.g. ismap:2024-07:9.2.3). Exit 1 when no path reaches the target catalog; a hint then
says what to try (another edition, fewer --via catalogs, a larger --max-depth).

Options:
  --to <catalog>     Target catalog, optionally with :edition (required)
  --via <a,b>        Catalogs to pass through, in order
  --max-depth <n>    Most links per path (default 6)
  --json             Machine-readable output
${remoteHelp}
  -h, --help         Show this help

Examples:
  ismap map 9.2.3 --to nist-800-53r5 --via iso27001-2013
  ISMAP_TOKEN=ismap_pat_… ismap map 9.2.3 --to nist-800-53r5 --server https://hub.example.jp`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      { to: { type: 'string' }, via: { type: 'string' }, 'max-depth': { type: 'string' }, ...remoteOptions },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one node');
    if (!values.to) throw new UsageError('--to <catalog> is required');
    const maxDepth = values['max-depth'] ? Number(values['max-depth']) : undefined;
    if (maxDepth !== undefined && !(Number.isInteger(maxDepth) && maxDepth >= 1 && maxDepth <= 8))
      throw new UsageError('--max-depth must be 1–8');
    const via = values.via
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const remote = remoteFrom(ctx, values);
    const r = remote
      ? await remote.get<Awaited<ReturnType<typeof findMappingPaths>>>('/mappings/paths', {
          from: positionals[0]!,
          to: values.to,
          via: via?.join(','),
          maxDepth,
        })
      : await withRuntime(
          ctx,
          (runtime) =>
            findMappingPaths(runtime.deps, cliContext, { from: positionals[0]!, to: values.to!, via, maxDepth }),
          { catalogs: true },
        );
    if (values.json) writeJson(ctx.stdout, r);
    else {
      ctx.stdout.write(
        `${r.from} → ${r.toCatalog}${r.via ? ` via ${r.via.join(', ')}` : ''}: ${r.paths.length} path(s), ${r.targets.length} target(s)${r.truncated ? ' (truncated)' : ''}\n\n`,
      );
      if (r.hint) ctx.stdout.write(`Hint: ${r.hint}\n`);
      for (const p of r.paths) ctx.stdout.write(formatPath(p) + '\n');
      if (r.targets.length) {
        ctx.stdout.write('\nTargets:\n');
        for (const t of r.targets)
          ctx.stdout.write(
            `  ${short(t.target).padEnd(32)} ${t.relationship.padEnd(16)} confidence ${t.confidence} (${confidenceLabel(t.confidence)}), ${t.method}, ${t.paths.length} path(s)\n`,
          );
      }
    }
    return r.targets.length > 0 ? 0 : 1;
  },
};
