import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { ApiError, client, data, type Body, type Schemas } from './client';
import { organizationKeys } from './organizations';
import { RECENT_AUTH_MS } from '../../core/mfa';

// Second factors: the caller's TOTP app, passkeys and recovery codes; the second step of a sign-in; re-authentication.

export type MfaStatus = Schemas['MfaStatus'];
export type Passkey = Schemas['Passkey'];
export type SecondFactorAnswer = Body<'/auth/mfa/verify', 'post'>;
export type ReauthenticateRequest = Body<'/auth/reauthenticate', 'post'>;

export const mfaKeys = { status: ['mfa'] as const };

/** True for the answer the server gives when a sensitive action needs a fresh proof of identity. */
export const needsReauth = (e: unknown) => e instanceof ApiError && e.reason === 'reauthentication_required';

/**
 * Resolves when the session's newest proof of identity is recent enough for a sensitive action that cannot ask for
 * one itself (a download link), else fails like the server would, so `useReauth` prompts. A minute of margin covers
 * a clock that differs from the server's.
 */
export async function requireRecentAuth(): Promise<void> {
  const s = await data(client.GET('/auth/session'));
  const at = s.authenticatedAt ? Date.parse(s.authenticatedAt) : 0;
  if (Date.now() - at > RECENT_AUTH_MS - 60_000)
    throw new ApiError(403, 'forbidden', 'reauthentication required', [], 'reauthentication_required', {
      minutes: RECENT_AUTH_MS / 60_000,
    });
}

export function useMfaStatus() {
  return useQuery({ queryKey: mfaKeys.status, queryFn: () => data(client.GET('/auth/mfa')) });
}

function useMfaMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: mfaKeys.status }) });
}

export const useStartTotp = () => useMfaMutation(() => data(client.POST('/auth/mfa/totp')));
export const useConfirmTotp = () =>
  useMfaMutation((code: string) => data(client.POST('/auth/mfa/totp/confirm', { body: { code } })));
export const useRemoveTotp = () => useMfaMutation(() => data(client.DELETE('/auth/mfa/totp')));
export const useRegenerateRecoveryCodes = () => useMfaMutation(() => data(client.POST('/auth/mfa/recovery-codes')));

/**
 * Registers a passkey: the server's options, the browser's WebAuthn ceremony, the server's check. `passwordless`
 * asks for a discoverable passkey that verifies its user, so it can also sign in without a password.
 */
export const useAddPasskey = () =>
  useMfaMutation(async ({ name, passwordless }: { name: string; passwordless: boolean }) => {
    const options = await data(client.POST('/auth/mfa/passkeys/options', { body: { passwordless } }));
    const response = await startRegistration({
      optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
    });
    return data(
      client.POST('/auth/mfa/passkeys', { body: { name, response: response as unknown as Record<string, unknown> } }),
    );
  });
export const useRenamePasskey = () =>
  useMfaMutation(({ id, name }: { id: string; name: string }) =>
    data(client.PATCH('/auth/mfa/passkeys/{id}', { params: { path: { id } }, body: { name } })),
  );
export const useRemovePasskey = () =>
  useMfaMutation((id: string) => data(client.DELETE('/auth/mfa/passkeys/{id}', { params: { path: { id } } })));

/** Asks the browser for a passkey assertion against a fresh challenge. */
export async function passkeyAssertion(purpose: 'second_factor' | 'reauthenticate') {
  const options = await data(client.POST('/auth/mfa/passkey-challenge', { body: { purpose } }));
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return response as unknown as Record<string, unknown>;
}

export const verifySecondFactor = (body: SecondFactorAnswer) => data(client.POST('/auth/mfa/verify', { body }));
export const reauthenticateRequest = (body: ReauthenticateRequest) =>
  data(client.POST('/auth/reauthenticate', { body }));

export function useSetOrganizationMfa(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (required: boolean) =>
      data(client.PUT('/organizations/{id}/mfa-requirement', { params: { path: { id } }, body: { required } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: organizationKeys.one(id) }),
  });
}
