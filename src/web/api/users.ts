import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, type Body, type Schemas } from './client';

export type User = Schemas['User'];
type CreateUser = Body<'/users', 'post'>;

export const userKeys = { all: ['users'] as const };

export function useUsers() {
  return useQuery({ queryKey: userKeys.all, queryFn: () => data(client.GET('/users')) });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUser) => data(client.POST('/users', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useSetUserDisabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disable }: { id: string; disable: boolean }) =>
      data(
        disable
          ? client.POST('/users/{id}/disable', { params: { path: { id } } })
          : client.POST('/users/{id}/enable', { params: { path: { id } } }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (password: string) =>
      data(client.PUT('/users/{id}/password', { params: { path: { id } }, body: { password } })),
  });
}
