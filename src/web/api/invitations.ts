/** Invitations (OpenAPI tag "Invitations"): paths, query keys and hooks in one place, typed from the API. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, type Json, type Schemas } from './client';

export type Invitation = Schemas['Invitation'];
export type InvitationLink = Schemas['InvitationLink'];
export type Role = Invitation['role'];
export type CreatedInvitation = Json<'/organizations/{id}/invitations', 'post'>;

export const invitationKeys = {
  mine: ['invitations', 'mine'] as const,
  org: (orgId: string) => ['invitations', 'org', orgId] as const,
  // Not under 'invitations': answering refreshes those lists, but the link page must keep what it showed.
  link: (token: string) => ['invitation-link', token] as const,
};

export const useMyInvitations = () =>
  useQuery({ queryKey: invitationKeys.mine, queryFn: () => data(client.GET('/invitations')) });

export const useOrgInvitations = (orgId: string, enabled: boolean) =>
  useQuery({
    queryKey: invitationKeys.org(orgId),
    queryFn: () => data(client.GET('/organizations/{id}/invitations', { params: { path: { id: orgId } } })),
    enabled,
  });

export const useInvitationLink = (token: string) =>
  useQuery({
    queryKey: invitationKeys.link(token),
    queryFn: () => data(client.POST('/invitations/lookup', { body: { token } })),
    enabled: token.length > 0,
    retry: false,
  });

/** Accept or decline; refreshes the session (a new membership) and the lists. */
export function useAnswerInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; answer: 'accept' | 'decline' }) =>
      data(
        v.answer === 'accept'
          ? client.POST('/invitations/{id}/accept', { params: { path: { id: v.id } } })
          : client.POST('/invitations/{id}/decline', { params: { path: { id: v.id } } }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['invitations'] });
      void qc.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

export function useCreateInvitation(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { email: string; role: Role }) =>
      data(client.POST('/organizations/{id}/invitations', { params: { path: { id: orgId } }, body: v })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: invitationKeys.org(orgId) }),
  });
}

export function useRevokeInvitation(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(
        client.DELETE('/organizations/{id}/invitations/{invitationId}', {
          params: { path: { id: orgId, invitationId: id } },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: invitationKeys.org(orgId) }),
  });
}

export const registerByInvitation = (v: { token: string; displayName: string; password: string }) =>
  data(client.POST('/invitations/register', { body: v }));
