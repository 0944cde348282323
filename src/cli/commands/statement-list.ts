import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { listCloudServices } from '../../app/use-cases/cloud-services/list-cloud-services';
import { listStatements } from '../../app/use-cases/statements/list-statements';
import { enc, remoteFrom, remoteHelp, remoteOptions, remoteOrgId, type Remote } from '../remote';
import type { CloudService } from '../../core/statement/model';
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
${remoteHelp}
  -h, --help    Show this help

With --server, the statements of the token's organization (--org, if given, must be that organization).`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { org: { type: 'string' }, ...remoteOptions });
    const remote = remoteFrom(ctx, values);
    if (!values.org && !remote) throw new UsageError('--org is required');
    const slug = values.org ?? 'this organization';
    const rows = remote
      ? await remoteRows(remote, values.org)
      : await withRuntime(
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

interface Row {
  id: string;
  service: CloudService['name'];
  catalog: string;
  edition: string;
  period: { start: string; end: string } | null;
  state: string;
  percent: number;
  blockers: number;
}

async function remoteRows(remote: Remote, slug: string | undefined): Promise<Row[]> {
  const orgId = slug ? await remoteOrgId(remote, slug) : undefined;
  const services = (await remote.get<{ services: CloudService[] }>('/cloud-services')).services.filter(
    (s) => orgId === undefined || s.orgId === orgId,
  );
  const out: Row[] = [];
  for (const service of services) {
    const { statements } = await remote.get<{
      statements: (Omit<Row, 'service' | 'percent' | 'blockers'> & {
        readiness: { percent: number; blockerCount: number };
      })[];
    }>(`/cloud-services/${enc(service.id)}/statements`);
    for (const st of statements)
      out.push({
        id: st.id,
        service: service.name,
        catalog: st.catalog,
        edition: st.edition,
        period: st.period,
        state: st.state,
        percent: st.readiness.percent,
        blockers: st.readiness.blockerCount,
      });
  }
  return out;
}
