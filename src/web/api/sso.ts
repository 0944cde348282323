import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, type Body } from './client';

export type SsoConfigurationInput = Body<'/organizations/{id}/sso', 'put'>;

export const ssoKeys = { config: (orgId: string) => ['sso', orgId] as const };

export function useSsoConfiguration(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ssoKeys.config(orgId),
    queryFn: () => data(client.GET('/organizations/{id}/sso', { params: { path: { id: orgId } } })),
    enabled,
  });
}

export function useSaveSsoConfiguration(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SsoConfigurationInput) =>
      data(client.PUT('/organizations/{id}/sso', { params: { path: { id: orgId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ssoKeys.config(orgId) }),
  });
}

/** Starts single sign-on; the browser then goes to the identity provider. */
export const startSso = (body: Body<'/auth/sso/start', 'post'>) => data(client.POST('/auth/sso/start', { body }));
