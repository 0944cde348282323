import { z } from '@hono/zod-openapi';
import { confidentialityLevels, evidenceKinds, reviewFrequencies } from '../../../core/evidence/model';

// Response schemas of the evidence endpoints (request schemas are the use cases' own).

const Title = z.object({ ja: z.string(), en: z.string() });

export const Freshness = z
  .object({
    state: z.enum(['fresh', 'stale']),
    reviewDue: z.string().nullable(),
    reasons: z.array(z.enum(['review_overdue', 'never_reviewed', 'not_effective_in_period', 'retired'])),
  })
  .openapi('EvidenceFreshness');

export const EvidenceVersion = z
  .object({
    evidenceId: z.uuid(),
    number: z.number().int(),
    sha256: z.string().openapi({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }),
    size: z.number().int(),
    mediaType: z.string(),
    fileName: z.string(),
    note: z.string().nullable(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
  })
  .openapi('EvidenceVersion');

export const EvidenceLink = z
  .object({
    evidenceId: z.uuid(),
    statementId: z.uuid(),
    itemId: z.string(),
    linkedAt: z.string(),
    linkedBy: z.string().nullable(),
  })
  .openapi('EvidenceLink');

export const Evidence = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    title: Title,
    kind: z.enum(evidenceKinds),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    owner: z.string().nullable(),
    tags: z.array(z.string()),
    confidentiality: z.enum(confidentialityLevels),
    reviewFrequency: z.enum(reviewFrequencies),
    reviewedOn: z.string().nullable(),
    currentVersion: z.number().int(),
    retiredAt: z.string().nullable(),
    retiredBy: z.string().nullable(),
    retireReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    updatedAt: z.string(),
    freshness: Freshness,
    abilities: z.record(z.string(), z.boolean()),
  })
  .openapi('Evidence');

export const EvidenceDetail = Evidence.extend({
  versions: z.array(EvidenceVersion),
  links: z.array(EvidenceLink),
}).openapi('EvidenceDetail');

/** Documented only: the file streams to the blob store in the handler, so hono must not parse (buffer) the body. */
export const EvidenceUpload = {
  type: 'object' as const,
  required: ['metadata', 'file'],
  properties: {
    metadata: {
      type: 'string' as const,
      description:
        'JSON: {title:{ja,en}, kind, effectiveFrom?, effectiveTo?, owner?, tags?, confidentiality?, reviewFrequency?, reviewedOn?}. Send it before the file part.',
    },
    file: {
      type: 'string' as const,
      format: 'binary',
      description: 'The evidence file (limit ISMAP_MAX_EVIDENCE_BYTES)',
    },
  },
};

/** Documented only, as EvidenceUpload. */
export const EvidenceVersionUpload = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    note: { type: 'string' as const, description: 'What changed (optional; send before the file)' },
    reviewedOn: { type: 'string' as const, description: 'Review date (ISO date); defaults to the upload date' },
    file: { type: 'string' as const, format: 'binary' },
  },
};

export const ItemEvidenceState = z
  .object({
    itemId: z.string(),
    evidence: z.number().int(),
    stale: z.number().int(),
    state: z.enum(['no_evidence', 'stale', 'fresh']),
    staleEvidenceIds: z.array(z.string()),
  })
  .openapi('ItemEvidenceState');

export const StatementEvidenceFreshness = z
  .object({
    statementId: z.uuid(),
    judgedOn: z.string(),
    items: z.array(ItemEvidenceState),
    evidence: z.array(z.object({ id: z.uuid(), title: Title, freshness: Freshness })),
    summary: z.object({
      items: z.number().int(),
      withoutEvidence: z.number().int(),
      withStale: z.number().int(),
      warnings: z
        .number()
        .int()
        .openapi({ description: 'withoutEvidence + withStale: readiness warnings, not blockers' }),
      staleEvidence: z.number().int(),
    }),
  })
  .openapi('StatementEvidenceFreshness');

export const LinkResult = z.object({
  changed: z.boolean(),
  link: EvidenceLink.pick({ evidenceId: true, statementId: true, itemId: true }),
});
