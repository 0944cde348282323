/** Statements (言明書, OpenAPI tag "Statements"): paths, query keys and hooks in one place, typed from the API. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, data, formData, type Body, type Json } from './client';

export type StatementList = Json<'/cloud-services/{id}/statements', 'get'>;
export type StatementEntry = Json<'/statements/{id}', 'get'>;
export type StatementItems = Json<'/statements/{id}/items', 'get'>;
export type StatementItemRow = StatementItems['items'][number];
export type StatementItem = Json<'/statements/{id}/items/{itemId}', 'get'>;
export type StoredAnswer = Json<'/statements/{id}/items/{itemId}', 'put'>;
/** `details.current` of a 409: the error schema leaves details open, so this is the answer's editable part. */
export type ConflictingAnswer = Pick<
  StoredAnswer,
  'reason' | 'inheritedFrom' | 'status' | 'owner' | 'control' | 'version'
> & {
  selection: StoredAnswer['storedSelection'];
};
export type Readiness = Json<'/statements/{id}/readiness', 'get'>;
export type EvidenceFreshness = Json<'/statements/{id}/evidence-freshness', 'get'>;
export type ItemFreshness = EvidenceFreshness['items'][number]['state'];
export type CreateStatement = Body<'/cloud-services/{id}/statements', 'post'>;
export type UpdateStatement = Body<'/statements/{id}', 'patch'>;
export type PutItem = Body<'/statements/{id}/items/{itemId}', 'put'>;
export type BulkItems = Body<'/statements/{id}/items/bulk', 'post'>;
export type Transition = Body<'/statements/{id}/transitions', 'post'>;

export const statementKeys = {
  ofService: (serviceId: string) => ['statements', 'service', serviceId] as const,
  one: (id: string) => ['statements', id] as const,
  items: (id: string) => ['statements', id, 'items'] as const,
  item: (id: string, itemId: string) => ['statements', id, 'item', itemId] as const,
  readiness: (id: string) => ['statements', id, 'readiness'] as const,
  freshness: (id: string) => ['statements', id, 'evidence-freshness'] as const,
};

export const useServiceStatements = (serviceId: string) =>
  useQuery({
    queryKey: statementKeys.ofService(serviceId),
    queryFn: () => data(client.GET('/cloud-services/{id}/statements', { params: { path: { id: serviceId } } })),
  });

export function useCreateStatement(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStatement) =>
      data(client.POST('/cloud-services/{id}/statements', { params: { path: { id: serviceId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: statementKeys.ofService(serviceId) }),
  });
}

export const useStatement = (id: string) =>
  useQuery({
    queryKey: statementKeys.one(id),
    queryFn: () => data(client.GET('/statements/{id}', { params: { path: { id } } })),
  });

/** Everything that shows a statement's state: its header, rows and readiness (not the open item's draft). */
const refreshStatement = (qc: ReturnType<typeof useQueryClient>, id: string) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: statementKeys.one(id), exact: true }),
    qc.invalidateQueries({ queryKey: statementKeys.items(id) }),
    qc.invalidateQueries({ queryKey: statementKeys.readiness(id) }),
  ]);

export function useUpdateStatement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStatement) => data(client.PATCH('/statements/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refreshStatement(qc, id),
  });
}

export function useTransitionStatement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Transition) =>
      data(client.POST('/statements/{id}/transitions', { params: { path: { id } }, body })),
    onSuccess: () => refreshStatement(qc, id),
  });
}

/**
 * Every item row in one request. `onArrive` runs when the rows are in (the editor's first-render measure starts
 * there), before React renders them.
 */
export const useStatementItems = (id: string, onArrive?: () => void) =>
  useQuery({
    queryKey: statementKeys.items(id),
    queryFn: async () => {
      const out = await data(client.GET('/statements/{id}/items', { params: { path: { id } } }));
      onArrive?.();
      return out;
    },
  });

export const useStatementItem = (id: string, itemId: string) =>
  useQuery({
    queryKey: statementKeys.item(id, itemId),
    queryFn: () => data(client.GET('/statements/{id}/items/{itemId}', { params: { path: { id, itemId } } })),
    // The panel keeps its own draft; a background refetch must not reset what is being typed.
    staleTime: Infinity,
  });

/**
 * The other person's stored answer when a save was refused as stale (409 item_version_conflict): the error's
 * `details.current`, a stored answer (its `selection` is the stored one).
 */
export function conflictCurrent(e: unknown): ConflictingAnswer | null {
  if (!(e instanceof ApiError) || e.status !== 409 || e.reason !== 'item_version_conflict') return null;
  const current = (e.details as { current?: unknown }).current;
  return current && typeof current === 'object' && 'version' in current ? (current as ConflictingAnswer) : null;
}

/** Saves one item against the version it was edited from; refreshes the rows and readiness afterwards. */
export function usePutItem(id: string) {
  const qc = useQueryClient();
  return async (itemId: string, body: PutItem): Promise<StoredAnswer> => {
    const out = await data(client.PUT('/statements/{id}/items/{itemId}', { params: { path: { id, itemId } }, body }));
    // The open panel shows the item's new blockers; the rows and readiness follow in the background.
    qc.setQueryData(statementKeys.item(id, itemId), out);
    void qc.invalidateQueries({ queryKey: statementKeys.items(id) });
    void qc.invalidateQueries({ queryKey: statementKeys.readiness(id) });
    void qc.invalidateQueries({ queryKey: statementKeys.one(id), exact: true });
    return out;
  };
}

export function useBulkItems(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkItems) =>
      data(client.POST('/statements/{id}/items/bulk', { params: { path: { id } }, body })),
    onSuccess: () => refreshStatement(qc, id),
  });
}

export const useReadiness = (id: string) =>
  useQuery({
    queryKey: statementKeys.readiness(id),
    queryFn: () => data(client.GET('/statements/{id}/readiness', { params: { path: { id } } })),
  });

/** Per in-scope item: whether its evidence is fresh, stale for the audit period, or missing (warnings, not blockers). */
export const useEvidenceFreshness = (id: string) =>
  useQuery({
    queryKey: statementKeys.freshness(id),
    queryFn: () => data(client.GET('/statements/{id}/evidence-freshness', { params: { path: { id } } })),
  });

/** Download links (plain links, so the browser saves the file under the server's name). */
const base = (id: string) => `/api/v1/statements/${encodeURIComponent(id)}`;
export const statementXlsxHref = (id: string) => `${base(id)}/export.xlsx`;
export const statementPdfHref = (id: string, lang: string) =>
  `${base(id)}/report.pdf?lang=${lang === 'ja' ? 'ja' : 'en'}`;
export const blockersCsvHref = (id: string) => `${base(id)}/blockers.csv`;

const importPath = '/statements/{id}/import';
export type WorkbookImportResult = Json<typeof importPath, 'post'>;
export type WorkbookItemDiff = WorkbookImportResult['diff']['items'][number];

/**
 * An edited workbook: a dry run answers the diff and writes nothing; applying writes it in one transaction (and
 * refreshes the statement).
 */
export function useImportWorkbook(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; dryRun: boolean; changeReason?: string }) =>
      data(
        client.POST(importPath, {
          params: { path: { id } },
          body: { file: v.file, dryRun: v.dryRun ? 'true' : 'false', changeReason: v.changeReason },
          bodySerializer: formData,
        }),
      ),
    onSuccess: (r) => {
      if (r.applied) void refreshStatement(qc, id);
    },
  });
}
