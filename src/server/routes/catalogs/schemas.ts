import { z } from '@hono/zod-openapi';
import { relationships, mappingMethods } from '../../../core/mapping/model';
import { ITEM_ROLES, PARENT_ROLES, type ColumnRole } from '../../../formats/tabular/header-names';
import { Issue } from '../../schemas';

// Response and parameter schemas of the catalog and mapping endpoints (see schemas.ts for the shared ones).

const Abilities = z.record(z.string(), z.boolean());
export const Localized = z
  .object({ ja: z.string().nullable().optional(), en: z.string().nullable().optional() })
  .openapi('LocalizedText');

export const CatalogParam = z.object({
  catalog: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'catalog', in: 'path' }, example: 'ismap' }),
});
export const EditionParams = CatalogParam.extend({
  edition: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'edition', in: 'path' }, example: '2024-07' }),
});
export const NodeParams = EditionParams.extend({
  nodeId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'nodeId', in: 'path' }, example: '9.2.3.11.PB' }),
});

export const CatalogEditionSummary = z
  .object({
    catalog: z.string(),
    edition: z.string(),
    title: Localized,
    provenance: z.string(),
    publishedAt: z.string().nullable(),
    source: z.enum(['bundled', 'import']),
    loadedAt: z.string(),
    contentHash: z.string(),
    nodeCount: z.number().int(),
    countsByKind: z.record(z.string(), z.number().int()),
    mandatoryCount: z
      .number()
      .int()
      .openapi({ description: 'Basic statement requirements (基本言明要件); 0 outside ISMAP' }),
    flagCounts: z.record(z.string(), z.number().int()).openapi({
      description: "Nodes per flag: ISMAP 'P' (cloud-specific) and 'B' (basic statement requirement), NIST 'withdrawn'",
    }),
    newest: z.boolean(),
  })
  .openapi('CatalogEditionSummary');

export const CatalogNode = z
  .object({
    id: z.string(),
    kind: z.string(),
    depth: z.number().int(),
    parentId: z.string().nullable(),
    position: z.number().int(),
    label: z.string(),
    flags: z.array(z.string()),
    title: Localized,
    text: Localized,
    textSource: Localized.openapi({
      description: 'Where each language’s text came from (file name and date, or the bundled source)',
    }),
    params: z.array(z.record(z.string(), z.unknown())),
    sourceRefs: z.array(z.string()),
    props: z.record(z.string(), z.unknown()),
  })
  .openapi('CatalogNode');

export const TreeNode = z
  .object({
    node: CatalogNode,
    mandatory: z.boolean(),
    childCount: z.number().int(),
    descendants: z.record(z.string(), z.number().int()).openapi({ description: 'Descendants per kind' }),
  })
  .openapi('CatalogTreeNode');

const Provenance = z.object({ document: z.string(), method: z.enum(mappingMethods) });

export const NodeMapping = z
  .object({
    id: z.uuid(),
    setId: z.string(),
    source: z.string(),
    target: z.string(),
    relationship: z.enum(relationships),
    provenance: Provenance,
    confidence: z.number(),
    note: z.string().optional(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    other: z.object({ key: z.string(), label: z.string(), title: z.string().nullable(), kind: z.string() }).nullable(),
    set: z.object({ id: z.string(), title: z.string(), source: z.string() }),
    abilities: Abilities,
  })
  .openapi('NodeMapping');

export const CatalogNodeDetail = z
  .object({
    catalog: z.string(),
    edition: z.string(),
    key: z.string(),
    node: CatalogNode,
    mandatory: z.boolean(),
    ancestors: z.array(CatalogNode),
    children: z.array(z.object({ id: z.string(), label: z.string(), kind: z.string(), title: Localized })),
    mappingsOut: z.array(NodeMapping),
    mappingsIn: z.array(NodeMapping),
  })
  .openapi('CatalogNodeDetail');

export const SearchHit = z
  .object({
    key: z.string(),
    catalog: z.string(),
    edition: z.string(),
    id: z.string(),
    label: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    score: z.number(),
    matchedIn: z.enum(['id', 'id-prefix', 'title', 'text']),
    lang: z.enum(['ja', 'en']).optional(),
    snippet: z.string(),
    baselines: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          'Baseline catalogs holding this same control (their hits are folded into this one unless the catalog filter names them)',
        example: ['nist-800-53r5-moderate', 'fedramp-rev5-high'],
      }),
  })
  .openapi('SearchHit');

const DiffNode = CatalogNode;
export const EditionDiff = z
  .object({
    from: z.object({ catalog: z.string(), edition: z.string() }),
    to: z.object({ catalog: z.string(), edition: z.string() }),
    added: z.array(DiffNode),
    removed: z.array(DiffNode),
    changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()), before: DiffNode, after: DiffNode })),
    unchangedCount: z.number().int(),
  })
  .openapi('EditionDiff');

const PathLink = z.object({
  from: z.string(),
  to: z.string(),
  relationship: z.enum(relationships),
  provenance: Provenance,
  confidence: z.number(),
  note: z.string().optional(),
  inverted: z.boolean(),
  setId: z.string().optional(),
});
const MappingPath = z.object({
  links: z.array(PathLink),
  relationship: z.enum(relationships),
  confidence: z.number(),
  method: z.enum(mappingMethods),
});
export const MappingPaths = z
  .object({
    from: z.string(),
    fromLabel: z.string(),
    toCatalog: z.string(),
    via: z.array(z.string()).optional(),
    paths: z.array(MappingPath),
    targets: z.array(
      z.object({
        target: z.string(),
        relationship: z.enum(relationships),
        confidence: z.number(),
        method: z.enum(mappingMethods),
        paths: z.array(MappingPath),
      }),
    ),
    truncated: z.boolean(),
    hint: z.string().optional().openapi({
      description:
        'Only when no path was found: why, and what to try (e.g. the same id in an edition that has mappings)',
    }),
  })
  .openapi('MappingPaths');

export const MappingSetSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    provenance: z.string(),
    source: z.enum(['bundled', 'user', 'import']),
    orgId: z.string().nullable().openapi({ description: 'The owner organization; null for a global set' }),
    published: z.boolean().openapi({ description: 'An owned set a platform administrator made readable to everyone' }),
    updatedAt: z.string(),
    count: z.number().int(),
    abilities: z.object({ read: z.boolean(), publish: z.boolean() }),
  })
  .openapi('MappingSetSummary');

const columnRoles: readonly ColumnRole[] = [...ITEM_ROLES, ...PARENT_ROLES];
const DetectedColumn = z.object({
  index: z.number(),
  letter: z.string(),
  header: z.string().nullable().optional(),
  matchedBy: z.string().optional(),
});
const SampleItem = z.object({
  row: z.number(),
  id: z.string(),
  titleBefore: z.string().nullable(),
  titleAfter: z.string().nullable(),
  text: z.string().nullable(),
  parents: z.array(
    z.object({
      id: z.string(),
      level: z.enum(['domain', 'category', 'objective']),
      titleBefore: z.string().nullable(),
      titleAfter: z.string(),
    }),
  ),
});

export const TextImportResult = z
  .object({
    ok: z.boolean().openapi({ description: 'False when the file has errors (only a dry run answers 200 then)' }),
    dryRun: z.boolean(),
    written: z.boolean(),
    catalog: z.string(),
    edition: z.string(),
    createdEdition: z.boolean(),
    baseEdition: z.string().nullable(),
    olderThanBase: z
      .boolean()
      .openapi({ description: 'The new edition sorts before its base (e.g. 2022-04 created from 2024-07)' }),
    editionNote: z.string().nullable().openapi({
      description:
        "'will create edition 2025-01 from 2024-07' (dry run), 'created edition …', or null for an existing edition",
    }),
    derivedMappingSets: z.array(z.object({ id: z.string(), mappings: z.number().int() })).openapi({
      description:
        'Mapping sets written with a new edition: its succession to the base edition and its links within the edition',
    }),
    duplicates: z.enum(['reject', 'first', 'last']),
    counts: z.record(z.string(), z.number().int()),
    newIds: z.array(z.string()),
    idsWithoutText: z.array(z.string()),
    missingIds: z.array(z.string()),
    sample: z
      .array(SampleItem)
      .openapi({ description: 'The first three items as they will be, with the titles of their parents' }),
    issues: z.array(Issue).openapi({ description: 'The first issues (errors first); see issueTotal' }),
    issueTotal: z.number().int(),
    issueCounts: z.record(z.string(), z.number().int()).openapi({ description: 'Issues per code, over all of them' }),
    file: z.string(),
    format: z.string(),
    encoding: z.string(),
    sheet: z.string(),
    sheetNames: z.array(z.string()),
    detection: z
      .object({
        headerRow: z.number().nullable(),
        dataStartRow: z.number(),
        columns: z.record(z.string(), DetectedColumn.nullable()).openapi({
          description:
            'id, title, text and the parent roles (domainId, domainTitle, categoryId, categoryTitle, objectiveId, objectiveTitle)',
        }),
        uncertain: z.array(
          z.object({
            role: z.enum(columnRoles),
            reason: z.enum(['partial', 'several', 'layout', 'missing']),
            candidates: z.array(z.string()),
          }),
        ),
        sheetColumns: z.array(
          z.object({ index: z.number(), letter: z.string(), header: z.string().nullable(), sample: z.string() }),
        ),
        confidence: z.string(),
        explanation: z.array(z.string()),
        preview: z.array(
          z.object({
            row: z.number(),
            id: z.string(),
            title: z.string(),
            text: z.string(),
            parents: z.record(z.string(), z.string()).optional(),
          }),
        ),
      })
      .passthrough(),
  })
  .openapi('TextImportResult');

/** Documented only: the upload is streamed to a temporary file by the handler, so hono must not parse (buffer) it. */
export const TextImportUpload = {
  type: 'object' as const,
  required: ['file', 'edition'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description: 'CSV, TSV or XLSX with an id column and a title and/or text column',
    },
    edition: {
      type: 'string' as const,
      description: 'Target edition; a new name creates the edition from the newest one',
      example: '2024-07',
    },
    lang: { type: 'string' as const, enum: ['ja', 'en'], default: 'ja' },
    columns: {
      type: 'string' as const,
      description:
        'JSON override, e.g. {"id":"A","title":"B","text":"C"}; parents: domainId, domainTitle, categoryId, categoryTitle, objectiveId, objectiveTitle',
    },
    duplicates: {
      type: 'string' as const,
      enum: ['reject', 'first', 'last'],
      default: 'reject',
      description: 'A second row for an id: fail, keep the first row, or keep the last',
    },
    sheet: { type: 'string' as const, description: 'XLSX sheet name' },
    dryRun: { type: 'string' as const, enum: ['true', 'false'], default: 'false' },
  },
};
