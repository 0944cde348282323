/** Invitations (OpenAPI tag "Invitations"): paths, query keys and hooks in one place. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Abilities, type Organization } from './client';

export type Role = 'admin' | 'editor' | 'viewer';

export interface Invitation {
  id: string;
  orgId: string;
  orgKind: Organization['kind'];
  orgNameJa: string;
  orgNameEn: string;
  email: string;
  role: Role;
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
  abilities: Abilities;
}

export interface InvitationLink {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  organization: { kind: Organization['kind']; nameJa: string; nameEn: string };
  invitedByName: string | null;
  needsAccount: boolean;
}

export interface CreatedInvitation {
  invitation: Invitation;
  token: string;
  link: string;
}

export const invitationKeys = {
  mine: ['invitations', 'mine'] as const,
  org: (orgId: string) => ['invitations', 'org', orgId] as const,
  // Not under 'invitations': answering refreshes those lists, but the link page must keep what it showed.
  link: (token: string) => ['invitation-link', token] as const,
};

export const useMyInvitations = () =>
  useQuery({ queryKey: invitationKeys.mine, queryFn: () => api<{ invitations: Invitation[] }>('GET', '/invitations') });

export const useOrgInvitations = (orgId: string, enabled: boolean) =>
  useQuery({
    queryKey: invitationKeys.org(orgId),
    queryFn: () => api<{ invitations: Invitation[] }>('GET', `/organizations/${orgId}/invitations`),
    enabled,
  });

export const useInvitationLink = (token: string) =>
  useQuery({
    queryKey: invitationKeys.link(token),
    queryFn: () => api<InvitationLink>('POST', '/invitations/lookup', { token }),
    enabled: token.length > 0,
    retry: false,
  });

/** Accept or decline; refreshes the session (a new membership) and the lists. */
export function useAnswerInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; answer: 'accept' | 'decline' }) => api('POST', `/invitations/${v.id}/${v.answer}`),
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
      api<CreatedInvitation>('POST', `/organizations/${orgId}/invitations`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: invitationKeys.org(orgId) }),
  });
}

export function useRevokeInvitation(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/organizations/${orgId}/invitations/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: invitationKeys.org(orgId) }),
  });
}

export const registerByInvitation = (v: { token: string; displayName: string; password: string }) =>
  api<{ user: { email: string } }>('POST', '/invitations/register', v);
