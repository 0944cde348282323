import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { publishMappingSet } from '../../app/use-cases/mappings/publish-mapping-set';
import { cliContext, withRuntime } from '../with-runtime';

export const command: Command = {
  name: 'mapping-set publish',
  summary: 'Publish an organization’s mapping set to every signed-in user, or make it private again',
  help: `Usage: ismap mapping-set publish <set-id> [--unpublish] [--json]

A mapping set an organization made (its members' manual mappings, user:<organization id>, or a mapping
collection it imported) is read only by its members and platform administrators. Publishing makes it readable
to everyone signed in: it then counts in every caller's mapping paths and node pages. The operator acts as a
platform administrator; the change is an audit event.

Options:
  --unpublish  Make the set private to its organization again
  --json       Machine-readable output
  -h, --help   Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, { unpublish: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('expected exactly one mapping set id');
    const id = positionals[0]!;
    const set = await withRuntime(ctx, (runtime) =>
      publishMappingSet(runtime.deps, cliContext, id, { published: !values.unpublish }),
    );
    if (values.json)
      writeJson(ctx.stdout, { id: set.id, orgId: set.orgId, published: set.published, count: set.count });
    else
      ctx.stdout.write(
        `${set.id}: ${set.published ? 'published to everyone' : 'private to its organization'} (${set.count} mappings)\n`,
      );
    return 0;
  },
};
