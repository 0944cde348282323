import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A WebAuthn authenticator in software, for server-level tests: a P-256 key pair (ES256), a signature counter, and
 * the flags a real one sets (user present; user verified when `verifiesUser`). It answers the options the server
 * hands out with the JSON @simplewebauthn/browser would send, "none" attestation. The browser tier uses Chromium's
 * CDP virtual authenticator instead (test/browser/mfa.test.ts).
 */
export interface SoftAuthenticator {
  credentialId: string;
  counter: number;
  verifiesUser: boolean;
  /** navigator.credentials.create() for `options` (PublicKeyCredentialCreationOptionsJSON). */
  register(options: Record<string, unknown>): Record<string, unknown>;
  /**
   * navigator.credentials.get() for `options`: signs its challenge (or `challenge`, to answer another one), with
   * the user handle it was registered with (or `userHandle`).
   */
  assert(
    options: Record<string, unknown>,
    over?: { challenge?: string; userHandle?: string | null; counter?: number },
  ): Record<string, unknown>;
}

const b64 = (b: Uint8Array | Buffer) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

export function softAuthenticator(origin: string, opts: { verifiesUser?: boolean } = {}): SoftAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credId = randomBytes(32);
  const rpId = new URL(origin).hostname;
  let userHandle: string | null = null;
  const a: SoftAuthenticator = {
    credentialId: b64(credId),
    counter: 0,
    verifiesUser: opts.verifiesUser ?? true,
    register(options) {
      const user = options.user as { id: string };
      userHandle = user.id;
      const clientData = clientDataJson('webauthn.create', options.challenge as string, origin);
      const cose = coseKey(publicKey);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags(a.verifiesUser) | 0x40]),
        u32(a.counter),
        Buffer.alloc(16),
        Buffer.from([credId.length >> 8, credId.length & 0xff]),
        credId,
        cose,
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', new Uint8Array(authData)],
        ]) as never,
      );
      return {
        id: a.credentialId,
        rawId: a.credentialId,
        type: 'public-key',
        response: {
          clientDataJSON: b64(clientData),
          attestationObject: b64(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
    assert(options, over = {}) {
      a.counter = over.counter ?? a.counter + 1;
      const clientData = clientDataJson('webauthn.get', over.challenge ?? (options.challenge as string), origin);
      const authData = Buffer.concat([sha256(rpId), Buffer.from([flags(a.verifiesUser)]), u32(a.counter)]);
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), privateKey);
      const handle = over.userHandle === undefined ? userHandle : over.userHandle;
      return {
        id: a.credentialId,
        rawId: a.credentialId,
        type: 'public-key',
        response: {
          clientDataJSON: b64(clientData),
          authenticatorData: b64(authData),
          signature: b64(signature),
          ...(handle ? { userHandle: handle } : {}),
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
  };
  return a;
}

/** User present, and user verified when the authenticator verifies its user. */
const flags = (uv: boolean) => 0x01 | (uv ? 0x04 : 0);

function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function clientDataJson(type: string, challenge: string, origin: string) {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** The public key as a COSE_Key: EC2 (1: 2), ES256 (3: -7), P-256 (-1: 1), x (-2), y (-3). */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return isoCBOR.encode(
    new Map<number, unknown>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
    ]) as never,
  );
}
