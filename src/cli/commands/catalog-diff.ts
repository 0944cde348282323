import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { diffCatalogEditions } from '../../app/use-cases/catalogs/diff-catalog-editions';
import { cliContext, withRuntime } from '../with-runtime';
import { enc, remoteFrom, remoteHelp, remoteOptions } from '../remote';

export const command: Command = {
  name: 'catalog diff',
  summary: 'What changed between two editions of a catalog',
  help: `Usage: ismap catalog diff <catalog> <editionA> <editionB> [--json]

Lists the nodes added in editionB, removed from editionA, and changed (with the changed fields: title, text,
flags, parent, …), matched by id.

Options:
  --json            Machine-readable output
${remoteHelp}
  -h, --help        Show this help

Example:
  ismap catalog diff ismap 2024-07 2025-10`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, { ...remoteOptions }, true);
    if (positionals.length !== 3) throw new UsageError('expected <catalog> <editionA> <editionB>');
    const [catalog, from, to] = positionals as [string, string, string];
    const remote = remoteFrom(ctx, values);
    const d = remote
      ? await remote.get<Awaited<ReturnType<typeof diffCatalogEditions>>>(`/catalogs/${enc(catalog)}/diff`, {
          from,
          to,
        })
      : await withRuntime(ctx, (runtime) => diffCatalogEditions(runtime.deps, cliContext, { catalog, from, to }), {
          catalogs: true,
        });
    if (values.json) {
      writeJson(ctx.stdout, d);
      return 0;
    }
    const title = (n: { title: { ja?: string | null; en?: string | null } }) => n.title.en ?? n.title.ja ?? '';
    for (const n of d.added) ctx.stdout.write(`+ ${n.label}  ${n.kind}  ${title(n)}\n`);
    for (const n of d.removed) ctx.stdout.write(`- ${n.label}  ${n.kind}  ${title(n)}\n`);
    for (const c of d.changed) ctx.stdout.write(`~ ${c.after.label}  ${c.fields.join(', ')}\n`);
    ctx.stdout.write(
      `${catalog} ${from} → ${to}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchangedCount} unchanged\n`,
    );
    return 0;
  },
};
