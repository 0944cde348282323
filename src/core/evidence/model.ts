/**
 * Evidence (証跡 / エビデンス) of a CSP organization: a record with metadata and numbered versions, each version a
 * blob stored once by the SHA-256 of its bytes. A new version never replaces an old one; retiring is recorded, not
 * an erase. Links tie an evidence to statement items (`statementId` + `itemId` as statements store them).
 */
export const evidenceKinds = [
  'policy',
  'procedure',
  'design_document',
  'setting',
  'record_log',
  'facility',
  'report',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const confidentialityLevels = ['public', 'internal', 'confidential', 'strictly_confidential'] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

/** How often the evidence must be reviewed; `*_or_on_change` also when the thing it shows changes. */
export const reviewFrequencies = [
  'monthly',
  'quarterly',
  'half_yearly',
  'yearly',
  'yearly_or_on_change',
  'as_needed',
] as const;
export type ReviewFrequency = (typeof reviewFrequencies)[number];

export interface Evidence {
  id: string;
  orgId: string;
  title: { ja: string; en: string };
  kind: EvidenceKind;
  /** ISO dates, both ends included; null = open. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  owner: string | null;
  tags: string[];
  confidentiality: Confidentiality;
  reviewFrequency: ReviewFrequency;
  /** The date of the last review (ISO date); a new version counts as one. */
  reviewedOn: string | null;
  /** Number of the newest version (0 before the first upload). */
  currentVersion: number;
  retiredAt: string | null;
  retiredBy: string | null;
  retireReason: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export interface EvidenceVersion {
  evidenceId: string;
  number: number;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  note: string | null;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface EvidenceLink {
  evidenceId: string;
  statementId: string;
  itemId: string;
  linkedAt: string;
  linkedBy: string | null;
}
