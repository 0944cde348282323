/**
 * Gap analysis (OpenAPI tag "Gap analysis"): an SoA (適用宣言書) or an OSCAL SSP imported into a statement, its
 * proposals and the gap report. Paths, query keys and hooks in one place, typed from the API.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, formData, type ApiPaths, type Body, type Json, type Schemas } from './client';
import { statementKeys } from './statements';

const uploadPath = '/statements/{id}/gap-imports';
type UploadFields = ApiPaths[typeof uploadPath]['post']['requestBody']['content']['multipart/form-data'];

export type GapUploadResult = Json<typeof uploadPath, 'post'>;
export type GapDetection = Schemas['GapDetection'];
export type GapImport = Schemas['GapImport'];
export type GapImportDetail = Json<'/gap-imports/{id}', 'get'>;
export type GapProposal = Schemas['GapProposal'];
export type GapPathLink = GapProposal['paths'][number]['links'][number];
export type GapReport = Json<'/gap-imports/{id}/report', 'get'>;
export type GapReportItem = GapReport['items'][number];
export type GapDecisionBody = Body<'/gap-imports/{id}/decisions', 'post'>;
export type IsoEdition = NonNullable<UploadFields['isoEdition']>;
/** What the wizard sends, but for dryRun. */
export type GapUploadForm = Omit<UploadFields, 'dryRun'>;

/** The order the wizard shows the groups in: strongest first, the ones needing a decision each after. */
export const RELATIONSHIP_ORDER = ['equal', 'superset-of', 'subset-of', 'intersects-with', 'no-relationship'] as const;

export const gapKeys = {
  ofStatement: (statementId: string) => ['gap-imports', 'statement', statementId] as const,
  one: (id: string) => ['gap-imports', id] as const,
  report: (id: string) => ['gap-imports', id, 'report'] as const,
};

export function uploadGapFile(statementId: string, f: GapUploadForm, dryRun: boolean): Promise<GapUploadResult> {
  return data(
    client.POST(uploadPath, {
      params: { path: { id: statementId } },
      body: { ...f, dryRun: dryRun ? 'true' : 'false' },
      bodySerializer: formData,
    }),
  );
}

/** A dry run: detected columns, edition, every problem by row/column or JSON path, and counts; nothing written. */
export function useCheckGapFile(statementId: string) {
  return useMutation({ mutationFn: (f: GapUploadForm) => uploadGapFile(statementId, f, true) });
}

export function useGapImportUpload(statementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (f: GapUploadForm) => uploadGapFile(statementId, f, false),
    onSuccess: () => void qc.invalidateQueries({ queryKey: gapKeys.ofStatement(statementId) }),
  });
}

export const useStatementGapImports = (statementId: string) =>
  useQuery({
    queryKey: gapKeys.ofStatement(statementId),
    queryFn: () => data(client.GET(uploadPath, { params: { path: { id: statementId } } })),
    enabled: statementId !== '',
  });

export const useGapImport = (id: string) =>
  useQuery({
    queryKey: gapKeys.one(id),
    queryFn: () => data(client.GET('/gap-imports/{id}', { params: { path: { id } } })),
  });

export const useGapReport = (id: string) =>
  useQuery({
    queryKey: gapKeys.report(id),
    queryFn: () => data(client.GET('/gap-imports/{id}/report', { params: { path: { id } } })),
  });

/** After a decision: the proposals, the report and everything that shows the statement's items. */
const refresh = (qc: ReturnType<typeof useQueryClient>, id: string, statementId: string) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: gapKeys.one(id) }),
    qc.invalidateQueries({ queryKey: statementKeys.one(statementId) }),
  ]);

/** Accepts every undecided proposal that may go in bulk (equal / superset-of, not cloud-specific): one audit event. */
export function useAcceptBulk(id: string, statementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changeReason?: string) =>
      data(
        client.POST('/gap-imports/{id}/accept-bulk', {
          params: { path: { id } },
          body: changeReason ? { changeReason } : {},
        }),
      ),
    onSuccess: () => refresh(qc, id, statementId),
  });
}

/** One decision on one proposal; the note goes into the audit event as its reason. */
export function useDecideProposal(id: string, statementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GapDecisionBody) =>
      data(client.POST('/gap-imports/{id}/decisions', { params: { path: { id } }, body })),
    onSuccess: () => refresh(qc, id, statementId),
  });
}

/** Download links (plain links, so the browser saves the file under the server's name). */
const base = (id: string) => `/api/v1/gap-imports/${encodeURIComponent(id)}`;
const lang = (l: string) => (l === 'ja' ? 'ja' : 'en');
export const gapReportXlsxHref = (id: string, l: string) => `${base(id)}/report.xlsx?lang=${lang(l)}`;
export const gapReportCsvHref = (id: string, l: string) => `${base(id)}/report.csv?lang=${lang(l)}`;
