import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, type Body, type Schemas } from './client';

export type Member = Schemas['Member'];
export type Role = Member['role'];
export type OrgKind = Schemas['Organization']['kind'];
type CreateOrganization = Body<'/organizations', 'post'>;

export const organizationKeys = {
  all: ['organizations'] as const,
  one: (id: string) => ['organization', id] as const,
  members: (id: string) => ['members', id] as const,
};

export function useOrganizations() {
  return useQuery({ queryKey: organizationKeys.all, queryFn: () => data(client.GET('/organizations')) });
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: organizationKeys.one(id),
    queryFn: () => data(client.GET('/organizations/{id}', { params: { path: { id } } })),
  });
}

export function useMembers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: organizationKeys.members(id),
    queryFn: () => data(client.GET('/organizations/{id}/members', { params: { path: { id } } })),
    enabled,
  });
}

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganization) => data(client.POST('/organizations', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: organizationKeys.all }),
  });
}

export function useRenameOrganization(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { nameJa: string; nameEn: string }) =>
      data(client.PATCH('/organizations/{id}', { params: { path: { id } }, body })),
    // The name shows in the session's switcher and in every list.
    onSuccess: () => void qc.invalidateQueries(),
  });
}

/** Changes an existing member's role; people who are not members yet are invited (api/invitations.ts). */
export function useChangeMemberRole(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      data(client.PATCH('/organizations/{id}/members/{userId}', { params: { path: { id, userId } }, body: { role } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: organizationKeys.members(id) }),
  });
}

export function useRemoveMember(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      data(client.DELETE('/organizations/{id}/members/{userId}', { params: { path: { id, userId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: organizationKeys.members(id) }),
  });
}
