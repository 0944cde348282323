/** The remediation plan (改善計画, POA&M; OpenAPI tag "Remediation"): paths, query keys and hooks, typed from the API. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, data, type Body, type Json } from './client';
import { statementKeys } from './statements';

export type RemediationPlan = Json<'/statements/{id}/remediation', 'get'>;
export type RemediationEntry = RemediationPlan['items'][number];
export type RemediationWithReadiness = Json<'/remediation/{id}', 'get'>;
export type CreateRemediation = Body<'/statements/{id}/remediation', 'post'>;
export type RemediationFromBlocker = Body<'/statements/{id}/remediation/from-blocker', 'post'>;
export type UpdateRemediation = Body<'/remediation/{id}', 'patch'>;
export type MoveRemediation = Body<'/remediation/{id}/moves', 'post'>;
export type RemediationImportResult = Json<'/statements/{id}/remediation/import', 'post'>;
export type RemediationStatus = RemediationEntry['status'];
export type RemediationLinkValue = RemediationEntry['links'][number];

export const remediationKeys = {
  plan: (statementId: string) => ['remediation', 'plan', statementId] as const,
  one: (id: string) => ['remediation', 'item', id] as const,
};

/** The blockers a refused completion names (409 remediation_blockers_remain): `details.open` of the error. */
export function openBlockersOf(e: unknown): RemediationEntry['linked'] | null {
  if (!(e instanceof ApiError) || e.status !== 409 || e.reason !== 'remediation_blockers_remain') return null;
  const open = (e.details as { open?: unknown }).open;
  return Array.isArray(open) ? (open as RemediationEntry['linked']) : [];
}

export const useRemediationPlan = (statementId: string, enabled = true) =>
  useQuery({
    queryKey: remediationKeys.plan(statementId),
    queryFn: () => data(client.GET('/statements/{id}/remediation', { params: { path: { id: statementId } } })),
    enabled,
  });

export const useRemediationItem = (id: string) =>
  useQuery({
    queryKey: remediationKeys.one(id),
    queryFn: () => data(client.GET('/remediation/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });

/**
 * After any change: the plan, the item, and everything that shows readiness (the answer carries the fresh
 * readiness, which goes into the statement's cache at once so the dashboard number moves without a round trip).
 */
function useAfterChange(statementId: string) {
  const qc = useQueryClient();
  return (r?: RemediationWithReadiness) => {
    if (r) {
      qc.setQueryData(remediationKeys.one(r.item.id), r);
      qc.setQueryData<Json<'/statements/{id}/readiness', 'get'>>(statementKeys.readiness(statementId), (old) =>
        old ? { ...old, summary: { ...old.summary, ...r.readiness } } : old,
      );
    }
    return Promise.all([
      qc.invalidateQueries({ queryKey: remediationKeys.plan(statementId) }),
      qc.invalidateQueries({ queryKey: statementKeys.readiness(statementId) }),
      qc.invalidateQueries({ queryKey: statementKeys.one(statementId), exact: true }),
    ]);
  };
}

export function useCreateRemediation(statementId: string) {
  const after = useAfterChange(statementId);
  return useMutation({
    mutationFn: (body: CreateRemediation) =>
      data(client.POST('/statements/{id}/remediation', { params: { path: { id: statementId } }, body })),
    onSuccess: (r) => after(r),
  });
}

export function useRemediationFromBlocker(statementId: string) {
  const after = useAfterChange(statementId);
  return useMutation({
    mutationFn: (body: RemediationFromBlocker) =>
      data(client.POST('/statements/{id}/remediation/from-blocker', { params: { path: { id: statementId } }, body })),
    onSuccess: (r) => after(r),
  });
}

export function useUpdateRemediation(statementId: string) {
  const after = useAfterChange(statementId);
  return useMutation({
    mutationFn: (v: { id: string; body: UpdateRemediation }) =>
      data(client.PATCH('/remediation/{id}', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: (r) => after(r),
  });
}

export function useMoveRemediation(statementId: string) {
  const after = useAfterChange(statementId);
  return useMutation({
    mutationFn: (v: { id: string; body: MoveRemediation }) =>
      data(client.POST('/remediation/{id}/moves', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: (r) => after(r),
  });
}

export function useDeleteRemediation(statementId: string) {
  const after = useAfterChange(statementId);
  return useMutation({
    mutationFn: (id: string) => data(client.DELETE('/remediation/{id}', { params: { path: { id } } })),
    onSuccess: () => after(),
  });
}

/** Imports an OSCAL POA&M (JSON); the server checks it whole first and answers every issue at its JSON path. */
export function useImportRemediation(statementId: string) {
  const after = useAfterChange(statementId);
  return useMutation({
    mutationFn: (v: { doc: Record<string, unknown>; dryRun: boolean }) =>
      data(
        client.POST('/statements/{id}/remediation/import', {
          params: { path: { id: statementId }, query: { dryRun: v.dryRun ? 'true' : 'false' } },
          body: v.doc,
        }),
      ),
    onSuccess: (r) => {
      if (!r.dryRun) void after();
    },
  });
}

/** A plain link, so the browser saves the file under the server's name. */
export const remediationOscalHref = (statementId: string) =>
  `/api/v1/statements/${encodeURIComponent(statementId)}/remediation/export.oscal.json`;
