import { useQuery } from '@tanstack/react-query';
import { client, data, type Schemas } from './client';

export type Localized = Schemas['LocalizedText'];
export type CatalogNode = Schemas['CatalogNode'];
export type EditionSummary = Schemas['CatalogEditionSummary'];
export type TreeNode = Schemas['CatalogTreeNode'];
export type NodeDetail = Schemas['CatalogNodeDetail'];
export type SearchHit = Schemas['SearchHit'];
export type EditionDiff = Schemas['EditionDiff'];

export const catalogKeys = {
  all: ['catalogs'] as const,
  children: (catalog: string, edition: string, parent: string | null) => ['tree', catalog, edition, parent] as const,
  node: (catalog: string, edition: string, nodeId: string) => ['node', catalog, edition, nodeId] as const,
  search: (q: string, catalog: string) => ['search', q, catalog] as const,
  diff: (catalog: string, from: string, to: string) => ['diff', catalog, from, to] as const,
};

export function useCatalogs() {
  return useQuery({ queryKey: catalogKeys.all, queryFn: () => data(client.GET('/catalogs')), staleTime: 60_000 });
}

export function useCatalogChildren(catalog: string, edition: string, parent: string | null) {
  return useQuery({
    queryKey: catalogKeys.children(catalog, edition, parent),
    queryFn: () =>
      data(
        client.GET('/catalogs/{catalog}/editions/{edition}/nodes', {
          params: { path: { catalog, edition }, query: parent ? { parent } : {} },
        }),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useCatalogNode(catalog: string, edition: string, nodeId: string) {
  return useQuery({
    queryKey: catalogKeys.node(catalog, edition, nodeId),
    queryFn: () =>
      data(
        client.GET('/catalogs/{catalog}/editions/{edition}/nodes/{nodeId}', {
          params: { path: { catalog, edition, nodeId } },
        }),
      ),
  });
}

export function useSearch(q: string, catalog: string) {
  return useQuery({
    queryKey: catalogKeys.search(q, catalog),
    queryFn: () => data(client.GET('/search', { params: { query: { q, limit: 50, catalog: catalog || undefined } } })),
    enabled: q.trim().length > 0,
  });
}

export function useEditionDiff(catalog: string, from: string, to: string) {
  return useQuery({
    queryKey: catalogKeys.diff(catalog, from, to),
    queryFn: () => data(client.GET('/catalogs/{catalog}/diff', { params: { path: { catalog }, query: { from, to } } })),
    enabled: !!from && !!to && from !== to,
  });
}

/** Download links (plain links, so the browser saves the file under the server's name). */
export function editionExportHref(catalog: string, edition: string, profile?: 'basic' | 'liu'): string {
  const base = `/api/v1/catalogs/${encodeURIComponent(catalog)}/editions/${encodeURIComponent(edition)}/export?format=oscal`;
  return profile ? `${base}&profile=${profile}` : base;
}
