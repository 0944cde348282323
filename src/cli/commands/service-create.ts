import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { createCloudService } from '../../app/use-cases/cloud-services/create-cloud-service';
import { serviceModels, tracks, type ServiceModel, type Track } from '../../core/statement/model';
import { remoteFrom, remoteHelp, remoteOptions, remoteOrgId } from '../remote';
import type { CloudService } from '../../core/statement/model';
import { withRuntime } from '../with-runtime';
import { operatorFor, organizationBySlug } from '../operator';

export const command: Command = {
  name: 'service create',
  summary: 'Create a cloud service offering of a CSP organization',
  help: `Usage: ismap service create --org <slug> --name-ja <name> --name-en <name> --model <iaas|paas|saas>
                           [--track <ismap|ismap_liu>] [--json]

Creates a cloud service offering with an empty scope; fill the scope in the web app or with PATCH
/api/v1/cloud-services/{id}. Recorded in the audit log as done by the system operator, under the organization.

Options:
  --org <slug>       The CSP organization (required)
  --name-ja <name>   Japanese name (required)
  --name-en <name>   English name (required)
  --model <model>    iaas, paas or saas (required)
  --track <track>    ismap (default) or ismap_liu
  --json             Machine-readable output
${remoteHelp}
  -h, --help         Show this help

Example:
  ismap service create --org demo-cloud --name-ja "デモ SaaS" --name-en "Demo SaaS" --model saas`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {
      org: { type: 'string' },
      'name-ja': { type: 'string' },
      'name-en': { type: 'string' },
      model: { type: 'string' },
      track: { type: 'string' },
      ...remoteOptions,
    });
    if (!values.org || !values['name-ja'] || !values['name-en'] || !values.model)
      throw new UsageError('--org, --name-ja, --name-en and --model are required');
    if (!(serviceModels as readonly string[]).includes(values.model))
      throw new UsageError(`--model must be one of ${serviceModels.join(', ')}`);
    if (values.track && !(tracks as readonly string[]).includes(values.track))
      throw new UsageError(`--track must be one of ${tracks.join(', ')}`);
    const slug = values.org;
    const input = {
      name: { ja: values['name-ja'], en: values['name-en'] },
      model: values.model as ServiceModel,
      track: (values.track ?? 'ismap') as Track,
    };
    const remote = remoteFrom(ctx, values);
    // With --server the service is created by the token's user in the token's organization: --org must name it.
    const service = remote
      ? await remoteOrgId(remote, slug).then(() => remote.post<CloudService>('/cloud-services', input))
      : await withRuntime(ctx, async (runtime) =>
          createCloudService(runtime.deps, operatorFor(await organizationBySlug(runtime, slug)), input),
        );
    if (values.json) writeJson(ctx.stdout, service);
    else ctx.stdout.write(`created ${service.id}  ${service.name.en} / ${service.name.ja}\n`);
    return 0;
  },
};
