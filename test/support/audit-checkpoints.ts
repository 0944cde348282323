import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import type { AuditCheckpoints } from '../../src/app/ports/audit-checkpoints';
import { ed25519Keys, ed25519Signer, fileCheckpointLog } from '../../src/infra/audit-checkpoints';

/** Checkpointing with a fresh key and a checkpoint log in a temporary folder; `cleanup` removes the folder. */
export function testCheckpoints(): AuditCheckpoints & { file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ismap-checkpoints-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const file = join(dir, 'checkpoints.jsonl');
  return {
    log: fileCheckpointLog(file),
    signer: ed25519Signer(privateKey),
    keys: ed25519Keys([publicKey]),
    file,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
