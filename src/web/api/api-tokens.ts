import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, type Schemas } from './client';

// The caller's API tokens (account page): list, create (answers the token once), revoke.

export const apiTokenKeys = { all: ['api-tokens'] as const };
export type CreateApiTokenBody = Schemas['CreateApiTokenRequest'];

export function useApiTokens() {
  return useQuery({ queryKey: apiTokenKeys.all, queryFn: () => data(client.GET('/auth/tokens')) });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => data(client.POST('/auth/tokens', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(client.DELETE('/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}
