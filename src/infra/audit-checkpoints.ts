import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { constants } from 'node:fs';
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SignedCheckpoint } from '../core/audit-checkpoint';
import type { AuditCheckpoints, CheckpointKeys, CheckpointLog, CheckpointSigner } from '../app/ports/audit-checkpoints';

/**
 * Audit checkpoints outside the database: Ed25519 keys in PEM files and an append-only JSON Lines file.
 * The file is opened O_APPEND and fsync-ed after each line; making it truly append-only is the operator's part
 * (`chattr +a`, a WORM volume, or a copy shipped elsewhere).
 */

/** A short stable name for a public key: the first 16 hex digits of the SHA-256 of its DER (SPKI). */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function ed25519Signer(privateKey: KeyObject): CheckpointSigner {
  const id = keyId(createPublicKey(privateKey));
  return { keyId: id, sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64') };
}

export function ed25519Keys(publicKeys: KeyObject[]): CheckpointKeys {
  const byId = new Map(publicKeys.map((k) => [keyId(k), k]));
  return {
    verify(cp, payload) {
      const k = byId.get(cp.keyId);
      if (!k) return 'unknown_key';
      try {
        return verify(null, Buffer.from(payload, 'utf8'), k, Buffer.from(cp.signature, 'base64'))
          ? 'ok'
          : 'bad_signature';
      } catch {
        return 'bad_signature';
      }
    },
  };
}

const isCheckpoint = (x: unknown): x is SignedCheckpoint => {
  const c = x as Partial<SignedCheckpoint> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    c.v === 1 &&
    Number.isSafeInteger(c.seq) &&
    typeof c.hash === 'string' &&
    typeof c.firstHash === 'string' &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.signature === 'string'
  );
};

export function fileCheckpointLog(path: string): CheckpointLog {
  return {
    where: path,
    async append(cp) {
      await mkdir(dirname(path), { recursive: true });
      const f = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
      try {
        await appendFile(f, JSON.stringify(cp) + '\n');
        await f.sync();
      } finally {
        await f.close();
      }
    },
    async readAll() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        // No file yet: no checkpoint was ever written.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], unreadable: [] };
        throw e;
      }
      const checkpoints: SignedCheckpoint[] = [];
      const unreadable: number[] = [];
      text.split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        try {
          const x: unknown = JSON.parse(line);
          if (isCheckpoint(x)) checkpoints.push(x);
          else unreadable.push(i + 1);
        } catch {
          unreadable.push(i + 1);
        }
      });
      return { checkpoints, unreadable };
    },
  };
}

/** Reads a PEM key file: a private key (signs, and its public half verifies) or a public key (verifies only). */
export async function readCheckpointKey(path: string): Promise<{ privateKey: KeyObject | null; publicKey: KeyObject }> {
  const pem = await readFile(path, 'utf8');
  if (pem.includes('PRIVATE KEY')) {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 key`);
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }
  const publicKey = createPublicKey(pem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 key`);
  return { privateKey: null, publicKey };
}

/** A new signing key as PEM texts (`ismap audit keygen`). */
export function generateCheckpointKey(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    keyId: keyId(publicKey),
  };
}

/** Checkpointing from configured files: the signing key (optional), extra public keys, and the log. */
export async function openAuditCheckpoints(cfg: {
  keyFile?: string | undefined;
  publicKeyFiles?: string[];
  file: string;
}): Promise<AuditCheckpoints> {
  const publics: KeyObject[] = [];
  let signer: CheckpointSigner | null = null;
  if (cfg.keyFile) {
    const k = await readCheckpointKey(cfg.keyFile);
    publics.push(k.publicKey);
    if (k.privateKey) signer = ed25519Signer(k.privateKey);
  }
  for (const f of cfg.publicKeyFiles ?? []) publics.push((await readCheckpointKey(f)).publicKey);
  return { log: fileCheckpointLog(cfg.file), signer, keys: ed25519Keys(publics) };
}
