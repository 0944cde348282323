import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { listCloudServices } from '../../app/use-cases/cloud-services/list-cloud-services';
import { remoteFrom, remoteHelp, remoteOptions, remoteOrgId } from '../remote';
import type { CloudService } from '../../core/statement/model';
import { withRuntime } from '../with-runtime';
import { operatorFor, organizationBySlug } from '../operator';

export const command: Command = {
  name: 'service list',
  summary: 'List the cloud service offerings of a CSP organization',
  help: `Usage: ismap service list --org <slug> [--json]

Lists the organization's cloud service offerings: id, names, service model, track and the number of
underlying services in the scope of the statement (with how many have an ISMAP registration number).

Options:
  --org <slug>  The CSP organization (required)
  --json        Machine-readable output (the services with their scope)
${remoteHelp}
  -h, --help    Show this help

With --server, the services the token's organization holds (--org, if given, must be that organization).`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { org: { type: 'string' }, ...remoteOptions });
    const remote = remoteFrom(ctx, values);
    if (!values.org && !remote) throw new UsageError('--org is required');
    const slug = values.org ?? remote?.base ?? '';
    const services: CloudService[] = remote
      ? await (async () => {
          const orgId = values.org ? await remoteOrgId(remote, values.org) : undefined;
          const all = (await remote.get<{ services: CloudService[] }>('/cloud-services')).services;
          return all.filter((s) => orgId === undefined || s.orgId === orgId);
        })()
      : await withRuntime(ctx, async (runtime) =>
          listCloudServices(runtime.deps, operatorFor(await organizationBySlug(runtime, slug))),
        );
    if (values.json) writeJson(ctx.stdout, { services });
    else if (services.length === 0) ctx.stdout.write(`${slug} has no cloud services yet (ismap service create)\n`);
    else
      for (const s of services) {
        const registered = s.scope.underlying.filter((u) => u.registrationNumber).length;
        ctx.stdout.write(
          `${s.id}  ${s.name.en} / ${s.name.ja}  ${s.model.toUpperCase()} ${s.track}  underlying ${registered}/${s.scope.underlying.length} registered\n`,
        );
      }
    return 0;
  },
};
