import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { WebAuthnService } from '../app/ports/mfa-services';

const transports = (t: string[]) => t as AuthenticatorTransport[];
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64url');

/**
 * WebAuthn through @simplewebauthn/server. No attestation (a passkey is a second factor, not a device inventory).
 * As a second factor user verification is preferred, not required, so security keys without a PIN work. A passkey
 * registered for passwordless sign-in must be discoverable and verify its user: it is then both factors at once.
 */
export const simpleWebAuthn: WebAuthnService = {
  async registrationOptions(rp, user, exclude, opts) {
    const passwordless = opts?.passwordless ?? false;
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: user.name,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: exclude.map((c) => ({ id: c.id, transports: transports(c.transports) })),
      authenticatorSelection: passwordless
        ? { residentKey: 'required', userVerification: 'required' }
        : { residentKey: 'preferred', userVerification: 'preferred' },
    });
    return { options: options as unknown as Record<string, unknown>, challenge: options.challenge };
  },
  async verifyRegistration(rp, response, challenge, opts) {
    try {
      const r = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: opts?.requireUserVerification ?? false,
      });
      if (!r.verified) return null;
      const info = r.registrationInfo;
      return {
        credentialId: info.credential.id,
        publicKey: b64(info.credential.publicKey),
        counter: info.credential.counter,
        transports: info.credential.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
      };
    } catch {
      return null;
    }
  },
  async authenticationOptions(rp, allow) {
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: allow.map((c) => ({ id: c.id, transports: transports(c.transports) })),
      userVerification: 'preferred',
    });
    return { options: options as unknown as Record<string, unknown>, challenge: options.challenge };
  },
  async discoverableOptions(rp) {
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: [],
      userVerification: 'required',
    });
    return { options: options as unknown as Record<string, unknown>, challenge: options.challenge };
  },
  userHandleOf(response) {
    const handle = (response as { response?: { userHandle?: unknown } } | null)?.response?.userHandle;
    if (typeof handle !== 'string' || handle.length === 0 || handle.length > 128) return null;
    // Registration sets the user handle to the UTF-8 bytes of the user id (registrationOptions above).
    return Buffer.from(handle, 'base64url').toString('utf8');
  },
  credentialIdOf(response) {
    const id = (response as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id.length > 0 && id.length <= 1400 ? id : null;
  },
  async verifyAuthentication(rp, response, challenge, credential) {
    try {
      const r = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: credential.id,
          publicKey: Buffer.from(credential.publicKey, 'base64url'),
          counter: credential.counter,
          transports: transports(credential.transports),
        },
        requireUserVerification: false,
      });
      return r.verified ? { counter: r.authenticationInfo.newCounter } : null;
    } catch {
      return null;
    }
  },
  async verifyAssertion(rp, response, challenge, credential) {
    try {
      const r = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        // Counter 0: the library's own counter check stays out of the way; the caller judges the returned one.
        credential: {
          id: credential.id,
          publicKey: Buffer.from(credential.publicKey, 'base64url'),
          counter: 0,
          transports: transports(credential.transports),
        },
        requireUserVerification: false,
      });
      return r.verified
        ? { counter: r.authenticationInfo.newCounter, userVerified: r.authenticationInfo.userVerified }
        : null;
    } catch {
      return null;
    }
  },
};
