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
 * WebAuthn through @simplewebauthn/server. No attestation (a passkey is a second factor, not a device inventory);
 * user verification preferred, not required, so security keys without a PIN work as a second factor.
 */
export const simpleWebAuthn: WebAuthnService = {
  async registrationOptions(rp, user, exclude) {
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: user.name,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: exclude.map((c) => ({ id: c.id, transports: transports(c.transports) })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    return { options: options as unknown as Record<string, unknown>, challenge: options.challenge };
  },
  async verifyRegistration(rp, response, challenge) {
    try {
      const r = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
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
};
