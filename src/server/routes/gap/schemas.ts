import { z } from '@hono/zod-openapi';
import { Issue } from '../../schemas';

const Loose = z.record(z.string(), z.unknown());

export const GapImport = z
  .object({
    id: z.uuid(),
    statementId: z.uuid(),
    kind: z.enum(['soa', 'ssp']),
    fileName: z.string(),
    sourceCatalog: z.string(),
    isoEdition: z.enum(['2013', '2022']).nullable(),
    ismapEdition: z.string(),
    summary: z.object({
      controls: z.number().int(),
      proposals: z.number().int(),
      via: z.array(z.string()),
      sets: z.array(z.object({ id: z.string(), method: z.string(), document: z.string() })),
      intersectsOnly: z.number().int(),
      detection: z.unknown(),
    }),
    createdAt: z.string(),
  })
  .openapi('GapImport');

const PathLink = z.object({
  from: z.string(),
  to: z.string(),
  relationship: z.string(),
  provenance: Loose,
  confidence: z.number(),
  inverted: z.boolean(),
  setId: z.string().optional(),
});
const ProposedValue = z.object({ selection: z.string(), status: z.string().nullable(), draft: z.string() });
export const GapProposal = z
  .object({
    id: z.string(),
    itemId: z.string(),
    tier: z.string(),
    kind: z.string(),
    sourceId: z.string(),
    source: Loose,
    sourceStatus: z.string(),
    relationship: z.string(),
    confidence: z.number(),
    bulkAcceptable: z.boolean(),
    paths: z.array(z.object({ links: z.array(PathLink), relationship: z.string(), confidence: z.number() })),
    proposed: ProposedValue,
    decision: z.enum(['accepted', 'rejected', 'edited']).nullable(),
    decidedValue: ProposedValue.nullable(),
    decidedAt: z.string().nullable(),
  })
  .openapi('GapProposal');

export const GapImportDetail = z
  .object({
    import: GapImport,
    groups: z.array(z.object({ relationship: z.string(), proposals: z.array(GapProposal) })),
    abilities: z.object({ read: z.boolean(), decide: z.boolean() }),
  })
  .openapi('GapImportDetail');

const SoaColumn = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string().nullable(),
  matchedBy: z.enum(['header', 'header-partial', 'values', 'override']),
});
/**
 * What the reader found, for the user to confirm. SoA: the sheet, encoding and each role's column (how it was
 * found); SSP: the SP 800-53 revision and the imported profile. Fields of the other kind are absent.
 */
export const GapDetection = z
  .object({
    sheet: z.string().optional(),
    sheetNames: z.array(z.string()).optional(),
    encoding: z.string().nullable().optional(),
    headerRow: z.number().int().nullable().optional(),
    dataStartRow: z.number().int().optional(),
    columns: z.record(z.string(), SoaColumn).optional(),
    explanation: z.array(z.string()).optional(),
    revision: z.enum(['rev4', 'rev5']).optional(),
    profile: z
      .object({ href: z.string(), resolved: z.boolean(), title: z.string().nullable(), controls: z.number().int() })
      .optional(),
  })
  .passthrough()
  .openapi('GapDetection');

export const GapUploadResult = z
  .object({
    dryRun: z.boolean(),
    ok: z.boolean(),
    kind: z.enum(['soa', 'ssp']),
    file: z.string(),
    isoEdition: z
      .object({ edition: z.string(), confidence: z.string(), count2013: z.number(), count2022: z.number() })
      .nullable(),
    detection: GapDetection,
    issues: z.array(Issue),
    issueTotal: z.number().int(),
    counts: z.object({
      controls: z.number().int(),
      proposals: z.number().int(),
      bulkAcceptable: z.number().int(),
      byRelationship: z.record(z.string(), z.number().int()),
    }),
    import: z.union([GapImport, z.null()]),
  })
  .openapi('GapUploadResult');

export const GapDecisionResult = z
  .object({
    decided: z.number().int(),
    changed: z.array(z.object({ itemId: z.string(), version: z.number() }).passthrough()),
  })
  .openapi('GapDecisionResult');

const GapCount = z.object({ tier: z.string(), clause: z.string(), items: z.number(), gaps: z.number() });
export const GapReport = z
  .object({
    source: Loose,
    ismap: z.string(),
    items: z.array(
      z.object({
        itemId: z.string(),
        tier: z.string(),
        clause: z.string(),
        kind: z.string(),
        flags: z.array(z.string()),
        reasons: z.array(z.string()),
        bestRelationship: z.string().nullable(),
        sources: z.array(z.string()),
      }),
    ),
    unmapped: z.array(z.object({ id: z.string(), title: z.string(), source: Loose })),
    byTier: z.array(GapCount),
    byClause: z.array(GapCount),
    byReason: z.record(z.string(), z.number()),
    totals: z.object({ items: z.number(), gaps: z.number(), covered: z.number(), proposals: z.number() }),
  })
  .openapi('GapReport');
