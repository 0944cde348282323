import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { listEvidence } from '../../app/use-cases/evidence/get-evidence';
import { withRuntime } from '../with-runtime';
import { operatorFor, organizationBySlug } from '../operator';

export const command: Command = {
  name: 'evidence list',
  summary: 'List the evidence library of a CSP organization with each evidence’s freshness',
  help: `Usage: ismap evidence list --org <slug> [--retired] [--json]

Every evidence (証跡) of the organization: id, kind, title, current version, review date, and whether it is stale
today (its periodic review is overdue).

Options:
  --org <slug>  The CSP organization (required)
  --retired     Include retired evidence
  --json        Machine-readable output
  -h, --help    Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { org: { type: 'string' }, retired: { type: 'boolean' } });
    if (!values.org) throw new UsageError('--org is required');
    const slug = values.org;
    const { items } = await withRuntime(ctx, async (runtime) =>
      listEvidence(runtime.deps, operatorFor(await organizationBySlug(runtime, slug)), {
        includeRetired: values.retired === true,
      }),
    );
    if (values.json) writeJson(ctx.stdout, { evidence: items.map((i) => ({ ...i.evidence, freshness: i.freshness })) });
    else if (items.length === 0) ctx.stdout.write(`${slug} has no evidence yet\n`);
    else
      for (const { evidence: e, freshness: f } of items)
        ctx.stdout.write(
          `${e.id}  ${e.kind.padEnd(15)} v${e.currentVersion}  ${e.title.en || e.title.ja}  reviewed ${e.reviewedOn ?? '-'}  ${f.state}${f.reasons.length ? ` (${f.reasons.join(', ')})` : ''}\n`,
        );
    return 0;
  },
};
