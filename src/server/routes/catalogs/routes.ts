import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { listCatalogs } from '../../../app/use-cases/catalogs/list-catalogs';
import { listCatalogNodes } from '../../../app/use-cases/catalogs/list-catalog-nodes';
import { getCatalogNode } from '../../../app/use-cases/catalogs/get-catalog-node';
import { searchCatalogs } from '../../../app/use-cases/catalogs/search-catalogs';
import { diffCatalogEditions } from '../../../app/use-cases/catalogs/diff-catalog-editions';
import { requestCtx } from '../../middleware/request-context';
import { errorResponses, jsonOk } from '../../schemas';
import {
  CatalogEditionSummary,
  CatalogNodeDetail,
  CatalogParam,
  EditionDiff,
  EditionParams,
  NodeParams,
  SearchHit,
  TreeNode,
} from './schemas';
import { abilitiesKey, nodeMappingAbilities, presentCatalogList, presentNodeDetail } from './presenter';
import { cachedJson } from '../../cached-json';

// Catalog reads are for any signed-in user. Anonymous callers get 401 for now: the criteria texts a secretariat
// imports are not necessarily public, and the public Cloud Service List will have its own endpoints.
const tags = ['Catalogs'];

const list = createRoute({
  ...scope('catalogs', 'read'),
  method: 'get',
  path: '/catalogs',
  tags,
  summary: 'Stored catalog editions with node counts by kind and the number of mandatory items',
  responses: {
    200: jsonOk(
      z.object({ editions: z.array(CatalogEditionSummary), abilities: z.record(z.string(), z.boolean()) }),
      'Editions',
    ),
    ...errorResponses,
  },
});
const nodes = createRoute({
  ...scope('catalogs', 'read'),
  method: 'get',
  path: '/catalogs/{catalog}/editions/{edition}/nodes',
  tags,
  summary: 'Children of a node (the roots without parent), each with descendant counts by kind',
  request: {
    params: EditionParams,
    query: z.object({ parent: z.string().max(200).optional().openapi({ example: '9.2' }) }),
  },
  responses: {
    200: jsonOk(
      z.object({ catalog: z.string(), edition: z.string(), parent: z.string().nullable(), nodes: z.array(TreeNode) }),
      'Children',
    ),
    ...errorResponses,
  },
});
const node = createRoute({
  ...scope('catalogs', 'read'),
  method: 'get',
  path: '/catalogs/{catalog}/editions/{edition}/nodes/{nodeId}',
  tags,
  summary:
    'One node: texts in Japanese and English with their sources, flags, parameters, ancestors, and mappings both ways',
  request: { params: NodeParams },
  responses: { 200: jsonOk(CatalogNodeDetail, 'Node'), ...errorResponses },
});
const search = createRoute({
  ...scope('catalogs', 'read'),
  method: 'get',
  path: '/search',
  tags,
  summary: 'Search catalogs by loose id (9.2.3.11pb, AC-2(1)), English words or Japanese text',
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(200),
      catalog: z
        .string()
        .max(500)
        .optional()
        .openapi({ description: 'Comma-separated catalog names or catalog:edition', example: 'ismap,nist-800-53r5' }),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: jsonOk(z.object({ query: z.string(), hits: z.array(SearchHit) }), 'Ranked hits'),
    ...errorResponses,
  },
});
const diff = createRoute({
  ...scope('catalogs', 'read'),
  method: 'get',
  path: '/catalogs/{catalog}/diff',
  tags,
  summary: 'Nodes added, removed and changed between two editions',
  request: {
    params: CatalogParam,
    query: z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64) }),
  },
  responses: { 200: jsonOk(EditionDiff, 'Differences'), ...errorResponses },
});

export function catalogRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const ctx = requestCtx(c);
    return c.json(presentCatalogList(await listCatalogs(c.get('deps'), ctx), ctx.actor), 200);
  });
  app.openapi(nodes, async (c) =>
    c.json(
      await listCatalogNodes(c.get('deps'), requestCtx(c), {
        ...c.req.valid('param'),
        parent: c.req.valid('query').parent,
      }),
      200,
    ),
  );
  app.openapi(node, async (c) => {
    const ctx = requestCtx(c);
    const detail = await getCatalogNode(c.get('deps'), ctx, c.req.valid('param'));
    const bySet = nodeMappingAbilities(detail, ctx.actor);
    return cachedJson(c, detail, abilitiesKey(bySet), () => presentNodeDetail(detail, bySet));
  });
  app.openapi(search, async (c) => {
    const q = c.req.valid('query');
    const catalogs = q.catalog
      ? q.catalog
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
    const found = await searchCatalogs(c.get('deps'), requestCtx(c), { q: q.q, catalogs, limit: q.limit });
    // The hits are kept with the snapshot per question; the answer adds only the question itself.
    return cachedJson(c, found.hits, found.query, () => found);
  });
  app.openapi(diff, async (c) =>
    c.json(
      await diffCatalogEditions(c.get('deps'), requestCtx(c), {
        catalog: c.req.valid('param').catalog,
        ...c.req.valid('query'),
      }),
      200,
    ),
  );
  return app;
}
