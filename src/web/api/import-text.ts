/** POST /catalogs/{catalog}/import-text: the criteria text import, typed from the OpenAPI document. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, data, formData, type ApiPaths, type Json } from './client';

const path = '/catalogs/{catalog}/import-text';
type Upload = ApiPaths[typeof path]['post']['requestBody']['content']['multipart/form-data'];

export type TextImportResult = Json<typeof path, 'post'>;
/** A problem in the file: in a dry run's answer, and in a failed import's (422) `error.issues`. */
export type TextImportIssue = TextImportResult['issues'][number];
export type ColumnRole = TextImportResult['detection']['uncertain'][number]['role'];
export type DuplicatePolicy = TextImportResult['duplicates'];
/** What the page sends, but for dryRun; `columns` is the JSON typed by hand or built from the column pickers. */
export type ImportForm = Omit<Upload, 'dryRun'>;

/** The roles in the order the page offers a column picker for each. */
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
] as const satisfies readonly ColumnRole[];

export function importText(f: ImportForm, dryRun: boolean): Promise<TextImportResult> {
  return data(
    client.POST(path, {
      params: { path: { catalog: 'ismap' } },
      body: { ...f, dryRun: dryRun ? 'true' : 'false' },
      bodySerializer: formData,
    }),
  );
}

/** A dry run: the plan, the detected columns and every problem; nothing is written. */
export function useCheckTextImport() {
  return useMutation({ mutationFn: (f: ImportForm) => importText(f, true) });
}

export function useTextImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (f: ImportForm) => importText(f, false),
    // Texts, titles, a new edition and its derived mapping sets: every catalog view may have changed.
    onSuccess: () => void qc.invalidateQueries(),
  });
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
