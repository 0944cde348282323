import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { listCloudServices } from '../../app/use-cases/cloud-services/list-cloud-services';
import { listStatements } from '../../app/use-cases/statements/list-statements';
import { withRuntime } from '../with-runtime';
import { operatorFor, organizationBySlug } from '../operator';

export const command: Command = {
  name: 'statement list',
  summary: 'List the statements of a CSP organization with their state and readiness',
  help: `Usage: ismap statement list --org <slug> [--json]

Every statement (言明書) of the organization's cloud services: id, service, catalog edition, audit period,
state, readiness percentage and number of blockers.

Options:
  --org <slug>  The CSP organization (required)
  --json        Machine-readable output
  -h, --help    Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { org: { type: 'string' } });
    if (!values.org) throw new UsageError('--org is required');
    const slug = values.org;
    const rows = await withRuntime(
      ctx,
      async (runtime) => {
        const op = operatorFor(await organizationBySlug(runtime, slug));
        const out = [];
        for (const service of await listCloudServices(runtime.deps, op))
          for (const { statement: st, readiness } of await listStatements(runtime.deps, op, service.id))
            out.push({
              id: st.id,
              service: service.name,
              catalog: st.catalog,
              edition: st.edition,
              period: st.period,
              state: st.state,
              percent: readiness.percent,
              blockers: readiness.blockerCount,
            });
        return out;
      },
      { catalogs: true },
    );
    if (values.json) writeJson(ctx.stdout, { statements: rows });
    else if (rows.length === 0) ctx.stdout.write(`${slug} has no statements yet\n`);
    else
      for (const r of rows)
        ctx.stdout.write(
          `${r.id}  ${r.service.en}  ${r.catalog} ${r.edition}  ${r.period ? `${r.period.start}..${r.period.end}` : 'no period'}  ${r.state}  ${r.percent}% ready, ${r.blockers} blockers\n`,
        );
    return 0;
  },
};
