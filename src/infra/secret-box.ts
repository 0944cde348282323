import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretBox } from '../app/ports/mfa-services';

/**
 * AES-256-GCM with a 32-byte key that lives outside the database: a copy of the database (a dump, a backup) does not
 * reveal TOTP secrets. Sealed text: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv, c.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

/** A key that lasts only as long as the process (tests, CLI commands that never read a secret). */
export const ephemeralSecretBox = () => secretBox(randomBytes(32));

/**
 * The key file (base64, 32 bytes), created with mode 0600 when missing. Servers sharing one PostgreSQL must share
 * the file (ISMAP_MFA_KEY_FILE); losing it makes every TOTP enrolment unusable (recovery codes and passkeys still work,
 * and `ismap user mfa-reset` clears a user's factors).
 */
export function secretBoxFromFile(file: string): SecretBox {
  // Read at first use: commands that never touch a TOTP secret neither need nor create the file.
  let box: SecretBox | undefined;
  const open = () => {
    if (box) return box;
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      try {
        writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    chmodSync(file, 0o600);
    box = secretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
    return box;
  };
  return { seal: (plain) => open().seal(plain), open: (sealed) => open().open(sealed) };
}
