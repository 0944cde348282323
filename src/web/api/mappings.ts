import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, type Body, type Schemas } from './client';

export type NodeMapping = Schemas['NodeMapping'];
export type Relationship = NodeMapping['relationship'];
export type MappingMethod = NodeMapping['provenance']['method'];
export type MappingPaths = Schemas['MappingPaths'];
export type MappingPath = MappingPaths['paths'][number];
export type NewMapping = Body<'/mappings', 'post'>;
export type MappingSetSummary = Schemas['MappingSetSummary'];

export const mappingKeys = {
  paths: (from: string, to: string, via: string) => ['paths', from, to, via] as const,
  sets: ['mapping-sets'] as const,
};

export function useMappingPaths(from: string, to: string, via = '') {
  return useQuery({
    queryKey: mappingKeys.paths(from, to, via),
    queryFn: () => data(client.GET('/mappings/paths', { params: { query: { from, to, via: via || undefined } } })),
    enabled: !!from && !!to,
  });
}

/** Paths from one node to each of several catalogs at once: the node page's summary per framework. */
export function useMappingSummary(from: string, toCatalogs: string[]) {
  return useQueries({
    queries: toCatalogs.map((to) => ({
      queryKey: mappingKeys.paths(from, to, ''),
      queryFn: () => data(client.GET('/mappings/paths', { params: { query: { from, to } } })),
      staleTime: 5 * 60_000,
    })),
  });
}

export function useMappingSets() {
  return useQuery({
    queryKey: mappingKeys.sets,
    queryFn: () => data(client.GET('/mapping-sets')),
    staleTime: 5 * 60_000,
  });
}

/** Publishes an organization's own set to everyone, or takes it back (platform administrators). */
export function usePublishMappingSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; published: boolean }) =>
      data(client.PATCH('/mapping-sets/{id}', { params: { path: { id: v.id } }, body: { published: v.published } })),
    // Visibility changes what paths, node pages and exports may use.
    onSuccess: () => void qc.invalidateQueries(),
  });
}

export function useAddMapping(onAdded: () => void) {
  return useMutation({
    mutationFn: (body: NewMapping) => data(client.POST('/mappings', { body })),
    onSuccess: onAdded,
  });
}

export function useDeleteMapping(onDeleted: () => void) {
  return useMutation({
    mutationFn: (id: string) => data(client.DELETE('/mappings/{id}', { params: { path: { id } } })),
    onSuccess: onDeleted,
  });
}
