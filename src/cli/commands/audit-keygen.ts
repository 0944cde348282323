import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError, type Command } from '../command';
import { parse, writeJson } from '../args';
import { generateCheckpointKey } from '../../infra/audit-checkpoints';

export const command: Command = {
  name: 'audit keygen',
  summary: 'Create an Ed25519 key pair for signing audit checkpoints',
  help: `Usage: ismap audit keygen --out <file> [--json]

Writes a new Ed25519 private key to <file> (PEM, mode 0600) and its public key to <file>.pub. Point
ISMAP_AUDIT_KEY_FILE at the private key on the server; give the public key to whoever verifies
(ISMAP_AUDIT_PUBLIC_KEY_FILE). Keep both outside the data folder. An existing file is never overwritten.

The same key with OpenSSL: openssl genpkey -algorithm ed25519 -out <file>

Options:
  --out <file>  Where to write the private key (required)
  --json        Machine-readable output
  -h, --help    Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { out: { type: 'string' } });
    if (!values.out) throw new UsageError('--out <file> is required');
    const out = resolve(ctx.cwd, values.out);
    for (const f of [out, `${out}.pub`])
      if (existsSync(f)) throw new UsageError(`${f} exists already; choose another --out`);
    mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
    const k = generateCheckpointKey();
    writeFileSync(out, k.privatePem, { mode: 0o600, flag: 'wx' });
    writeFileSync(`${out}.pub`, k.publicPem, { mode: 0o644, flag: 'wx' });
    if (values.json) writeJson(ctx.stdout, { keyFile: out, publicKeyFile: `${out}.pub`, keyId: k.keyId });
    else ctx.stdout.write(`Private key: ${out}\nPublic key:  ${out}.pub\nKey id:      ${k.keyId}\n`);
    return 0;
  },
};
