import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { ApiError, client, data, type SessionInfo } from './client';

// Authentication: the session, sign-in/out, switching organization, the caller's devices and password.

export const sessionKeys = { session: ['session'] as const, devices: ['sessions'] as const };

export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await data(client.GET('/auth/session'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const signInRequest = (body: { email: string; password: string }) => data(client.POST('/auth/login', { body }));
/**
 * Signs in with a passkey alone: the server's options (no credentials listed, user verification required), the
 * browser's WebAuthn ceremony (the authenticator offers its passkeys for this site), the server's check.
 */
export async function passkeySignInRequest(): Promise<SessionInfo> {
  const options = await data(client.POST('/auth/passkey/options'));
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return data(client.POST('/auth/passkey', { body: { response: response as unknown as Record<string, unknown> } }));
}
export const signOutRequest = () => data(client.POST('/auth/logout'));
export const switchOrgRequest = (orgId: string) => data(client.PUT('/auth/session/organization', { body: { orgId } }));

export function useDeviceSessions() {
  return useQuery({ queryKey: sessionKeys.devices, queryFn: () => data(client.GET('/auth/sessions')) });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      data(client.DELETE('/auth/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sessionKeys.devices }),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      data(client.POST('/auth/password', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sessionKeys.devices }),
  });
}
