import { z } from 'zod';
import { confidentialityLevels, evidenceKinds, reviewFrequencies } from '../../../core/evidence/model';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date');
const text = (max: number) => z.string().trim().max(max);

export const evidenceTitle = z
  .object({ ja: text(300), en: text(300) })
  .strict()
  .refine((t) => t.ja !== '' || t.en !== '', { message: 'a title in Japanese or English', path: ['ja'] });

export const evidenceFields = {
  title: evidenceTitle,
  kind: z.enum(evidenceKinds),
  effectiveFrom: isoDate.nullable().optional(),
  effectiveTo: isoDate.nullable().optional(),
  owner: text(200).nullable().optional(),
  tags: z.array(text(60).min(1)).max(30).optional(),
  confidentiality: z.enum(confidentialityLevels).optional(),
  reviewFrequency: z.enum(reviewFrequencies).optional().describe('Defaults by kind (criteria example frequencies)'),
  reviewedOn: isoDate.nullable().optional().describe('Defaults to the upload date'),
};

export const evidenceMetadataInput = z.object(evidenceFields).strict();
export type EvidenceMetadataInput = z.input<typeof evidenceMetadataInput>;

/** What an upload carries besides the bytes (already stored in the blob store). */
export interface UploadedFile {
  sha256: string;
  size: number;
  fileName: string;
  mediaType: string;
}

const MEDIA = /^[\w.+-]+\/[\w.+-]+$/;
/** The declared media type, or octet-stream (never trusted for anything but the download's Content-Type). */
export const mediaTypeOf = (declared: string | null | undefined) =>
  declared && MEDIA.test(declared) && declared.length <= 127 ? declared.toLowerCase() : 'application/octet-stream';

/** A file name as shown and downloaded: no folders, no control characters, at most 200 characters. */
export const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(-200) || 'file';

export const periodError = (from: string | null | undefined, to: string | null | undefined) =>
  from && to && to < from ? 'effectiveTo is before effectiveFrom' : null;
