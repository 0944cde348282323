/** POST /catalogs/{catalog}/import-text: the result shape and the form the page sends. */
import { api } from './client';

export const COLUMN_ROLES = [
  'id',
  'title',
  'text',
  'domainId',
  'domainTitle',
  'categoryId',
  'categoryTitle',
  'objectiveId',
  'objectiveTitle',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
export type DuplicatePolicy = 'reject' | 'first' | 'last';

export interface ImportIssue {
  message: string;
  code?: string;
  row?: number;
  column?: string;
  file?: string;
  severity?: 'error' | 'warning';
}

export interface ImportResult {
  ok: boolean;
  written: boolean;
  catalog: string;
  edition: string;
  createdEdition: boolean;
  baseEdition: string | null;
  olderThanBase: boolean;
  editionNote?: string | null;
  derivedMappingSets?: { id: string; mappings: number }[];
  duplicates: DuplicatePolicy;
  counts: Record<string, number>;
  encoding: string;
  sheet: string;
  sample: {
    row: number;
    id: string;
    titleBefore: string | null;
    titleAfter: string | null;
    text: string | null;
    parents: {
      id: string;
      level: 'domain' | 'category' | 'objective';
      titleBefore: string | null;
      titleAfter: string;
    }[];
  }[];
  detection: {
    headerRow: number | null;
    columns: Partial<Record<ColumnRole, { index: number; letter: string; header?: string | null } | null>>;
    uncertain: { role: ColumnRole; reason: 'partial' | 'several' | 'layout' | 'missing'; candidates: string[] }[];
    sheetColumns: { index: number; letter: string; header: string | null; sample: string }[];
    explanation: string[];
  };
  issues: ImportIssue[];
  issueTotal: number;
  issueCounts: Record<string, number>;
}

export interface ImportForm {
  file: File;
  edition: string;
  lang: string;
  sheet: string;
  /** The columns JSON (typed by hand, or built from the column pickers). */
  columns: string;
  duplicates: DuplicatePolicy;
}

export function importText(f: ImportForm, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.set('file', f.file);
  form.set('edition', f.edition);
  form.set('lang', f.lang);
  form.set('dryRun', String(dryRun));
  form.set('duplicates', f.duplicates);
  if (f.columns) form.set('columns', f.columns);
  if (f.sheet) form.set('sheet', f.sheet);
  return api<ImportResult>('POST', '/catalogs/ismap/import-text', form);
}

/** Picked columns (0-based index as a string, '' for not used) → the `columns` JSON, 1-based as the API takes them. */
export function columnsJson(picked: Partial<Record<ColumnRole, string>>, headerRow: number | null): string {
  const out: Record<string, number> = {};
  for (const role of COLUMN_ROLES) {
    const v = picked[role];
    if (v !== undefined && v !== '') out[role] = Number(v) + 1;
  }
  if (headerRow !== null) out['headerRow'] = headerRow;
  return JSON.stringify(out);
}
