import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { findMappingPaths } from '../../../app/use-cases/mappings/find-mapping-paths';
import { addMapping, addMappingInput } from '../../../app/use-cases/mappings/add-mapping';
import { deleteMapping } from '../../../app/use-cases/mappings/delete-mapping';
import { getMappingSet } from '../../../app/use-cases/mappings/get-mapping-set';
import { importMappingCollection } from '../../../app/use-cases/mappings/import-mapping-collection';
import { listMappingSets } from '../../../app/use-cases/mappings/list-mapping-sets';
import { publishMappingSet, publishMappingSetInput } from '../../../app/use-cases/mappings/publish-mapping-set';
import { authorize, catalogPolicy } from '../../../core/policies';
import { mappingSetToOscal, oscalToMappingSet } from '../../../formats/oscal-mapping';
import { requestCtx } from '../../middleware/request-context';
import { cachedJson } from '../../cached-json';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { MappingPaths, MappingSetSummary, NodeMapping } from '../catalogs/schemas';
import { presentMapping, presentMappingSet } from '../catalogs/presenter';

const tags = ['Mappings'];
const SetParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ismap-2024-07_iso27001-2013_numbering' }),
});

const paths = createRoute({
  ...scope('mappings', 'read'),
  method: 'get',
  path: '/mappings/paths',
  tags,
  summary:
    'Every mapping path from a node to another catalog, with each link’s provenance and the composed relationship, grouped by target',
  request: {
    query: z.object({
      from: z
        .string()
        .trim()
        .min(1)
        .max(300)
        .openapi({ description: 'Node, loosely: ismap:9.2.3, 9.2.3, or a full key', example: 'ismap:9.2.3' }),
      to: z.string().trim().min(1).max(100).openapi({ example: 'nist-800-53r5' }),
      via: z
        .string()
        .max(500)
        .optional()
        .openapi({ description: 'Comma-separated catalogs to pass through, in order', example: 'iso27001-2013' }),
      maxDepth: z.coerce.number().int().min(1).max(8).optional(),
    }),
  },
  responses: { 200: jsonOk(MappingPaths, 'Paths and targets'), ...errorResponses },
});
const create = createRoute({
  ...scope('mappings', 'write'),
  method: 'post',
  path: '/mappings',
  tags,
  summary:
    'Record a mapping by hand (method manual) in your organization’s own mapping set (editors and admins, platform administrators)',
  request: { body: jsonBody(addMappingInput) },
  responses: {
    201: jsonOk(
      NodeMapping.omit({ other: true, set: true, abilities: true }).extend({ setTitle: z.string() }),
      'Created',
    ),
    ...errorResponses,
    409: errorResponses[400],
  },
});
const remove = createRoute({
  ...scope('mappings', 'write'),
  method: 'delete',
  path: '/mappings/{id}',
  tags,
  summary: 'Delete a hand-made mapping (the creating organization’s admins, platform administrators)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});
const sets = createRoute({
  ...scope('mappings', 'read'),
  method: 'get',
  path: '/mapping-sets',
  tags,
  summary: 'Mapping sets with their sizes',
  responses: { 200: jsonOk(z.object({ sets: z.array(MappingSetSummary) }), 'Sets'), ...errorResponses },
});
const publish = createRoute({
  ...scope('mappings', 'write'),
  method: 'patch',
  path: '/mapping-sets/{id}',
  tags,
  summary:
    'Publish an organization’s mapping set to every signed-in user, or make it private again (platform administrators)',
  request: { params: SetParam, body: jsonBody(publishMappingSetInput) },
  responses: { 200: jsonOk(MappingSetSummary, 'The set'), ...errorResponses },
});
const exportSet = createRoute({
  ...scope('mappings', 'read'),
  method: 'get',
  path: '/mapping-sets/{id}/export',
  tags,
  summary: 'A mapping set as an OSCAL 1.2 mapping-collection',
  request: { params: SetParam },
  responses: {
    200: jsonOk(z.object({ 'mapping-collection': z.record(z.string(), z.unknown()) }), 'OSCAL mapping-collection JSON'),
    ...errorResponses,
  },
});
const importSet = createRoute({
  ...scope('mappings', 'write'),
  method: 'post',
  path: '/mapping-sets/import',
  tags,
  summary:
    'Import an OSCAL 1.2 mapping-collection as a mapping set (platform administrators, secretariat admins and editors)',
  request: { body: jsonBody(z.object({ 'mapping-collection': z.record(z.string(), z.unknown()) }).passthrough()) },
  responses: {
    201: jsonOk(z.object({ id: z.string(), mappings: z.number().int(), replaced: z.boolean() }), 'Imported'),
    ...errorResponses,
    422: errorResponses[400],
  },
});

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

export function mappingRoutes() {
  const app = apiRouter();
  app.openapi(paths, async (c) => {
    const q = c.req.valid('query');
    const found = await findMappingPaths(c.get('deps'), requestCtx(c), {
      from: q.from,
      to: q.to,
      via: list(q.via),
      maxDepth: q.maxDepth,
    });
    // Kept with the snapshot per mapping view and question, and the same for every caller with that view.
    return cachedJson(c, found, '', () => found);
  });
  app.openapi(create, async (c) =>
    c.json(presentMapping(await addMapping(c.get('deps'), requestCtx(c), c.req.valid('json'))), 201),
  );
  app.openapi(remove, async (c) => {
    await deleteMapping(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(sets, async (c) => {
    const ctx = requestCtx(c);
    return c.json(
      { sets: (await listMappingSets(c.get('deps'), ctx)).map((s) => presentMappingSet(s, ctx.actor)) },
      200,
    );
  });
  app.openapi(publish, async (c) => {
    const ctx = requestCtx(c);
    const set = await publishMappingSet(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentMappingSet(set, ctx.actor), 200);
  });
  app.openapi(exportSet, async (c) => {
    const { set, mappings, exportedAt } = await getMappingSet(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    c.header('Content-Disposition', `attachment; filename="${set.id.replace(/[^A-Za-z0-9._-]/g, '_')}.mapping.json"`);
    return c.json(
      mappingSetToOscal(set, mappings, { now: exportedAt }) as unknown as {
        'mapping-collection': Record<string, unknown>;
      },
      200,
    );
  });
  app.openapi(importSet, async (c) => {
    const ctx = requestCtx(c);
    // Authorize before reading the document, so a caller who may not import learns nothing from validation.
    authorize(catalogPolicy, ctx.actor, 'importMappings', null);
    const { set, issues } = oscalToMappingSet(c.req.valid('json'));
    return c.json(await importMappingCollection(c.get('deps'), ctx, { set, issues }), 201);
  });
  return app;
}
