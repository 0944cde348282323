import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { client, data, type ApiPaths, type Schemas } from './client';

export type AuditEvent = Schemas['AuditEvent'];
type Filter = NonNullable<ApiPaths['/audit-events/export']['get']['parameters']['query']>;

/** What a person types in the filter form (datetime-local values), as the API's filter. */
export function auditFilter(orgId: string | undefined, f: { action: string; from: string; to: string }): Filter {
  return {
    orgId: orgId || undefined,
    action: f.action.trim() || undefined,
    from: f.from ? new Date(f.from).toISOString() : undefined,
    to: f.to ? new Date(f.to).toISOString() : undefined,
  };
}

export const auditKeys = { page: (filter: Filter) => ['audit', filter] as const };

export function useAuditLog(filter: Filter) {
  return useInfiniteQuery({
    queryKey: auditKeys.page(filter),
    queryFn: ({ pageParam }) =>
      data(
        client.GET('/audit-events', { params: { query: { ...filter, limit: 50, before: pageParam || undefined } } }),
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => data(client.GET('/audit-events/verify')) });
}

/** The download link of the (filtered) log as JSON Lines: a plain link, so the browser saves the stream. */
export function auditExportHref(filter: Filter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) p.set(k, String(v));
  return `/api/v1/audit-events/export?${p.toString()}`;
}
