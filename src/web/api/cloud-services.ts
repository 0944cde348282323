/** Cloud services (OpenAPI tag "Cloud services"): paths, query keys and hooks in one place, typed from the API. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, type Body, type Json } from './client';

export type CloudServiceList = Json<'/cloud-services', 'get'>;
export type CloudServiceEntry = Json<'/cloud-services/{id}', 'get'>;
export type CreateCloudService = Body<'/cloud-services', 'post'>;
export type UpdateCloudService = Body<'/cloud-services/{id}', 'patch'>;

export const cloudServiceKeys = {
  all: ['cloud-services'] as const,
  one: (id: string) => ['cloud-services', id] as const,
};

export const useCloudServices = () =>
  useQuery({ queryKey: cloudServiceKeys.all, queryFn: () => data(client.GET('/cloud-services')) });

export const useCloudService = (id: string) =>
  useQuery({
    queryKey: cloudServiceKeys.one(id),
    queryFn: () => data(client.GET('/cloud-services/{id}', { params: { path: { id } } })),
  });

export function useCreateCloudService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCloudService) => data(client.POST('/cloud-services', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cloudServiceKeys.all }),
  });
}

export function useUpdateCloudService(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCloudService) =>
      data(client.PATCH('/cloud-services/{id}', { params: { path: { id } }, body })),
    onSuccess: (s) => {
      qc.setQueryData(cloudServiceKeys.one(id), s);
      void qc.invalidateQueries({ queryKey: cloudServiceKeys.all, exact: true });
    },
  });
}
