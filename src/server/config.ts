import { z } from 'zod';
import { resolve, sep } from 'node:path';
import { DomainError } from '../core/errors';

/**
 * Configuration comes from the environment, parsed once at start-up; every problem is reported together so an
 * operator fixes them in one go. docs: README "Configuration".
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  ISMAP_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when TLS terminates in front of the server, so cookies get Secure. */
  ISMAP_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  ISMAP_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Fixed demo password (tests, screenshots); random per installation when unset. */
  ISMAP_DEMO_PASSWORD: z.string().min(12).optional(),
  ISMAP_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  ISMAP_WEB_DIR: z.string().optional(),
  /** Largest accepted upload (catalog text import) in bytes; JSON bodies have a fixed 1 MiB limit. */
  ISMAP_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 40)
    .default(50 * 1024 * 1024),
  /** Audit checkpoints (docs/architecture.md "Audit log"): the Ed25519 signing key (PEM, `ismap audit keygen`). */
  ISMAP_AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** A public key that verifies checkpoints where the signing key is not kept (a verifier's machine, a rotated key). */
  ISMAP_AUDIT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  /** 32 random bytes in base64 (`openssl rand -base64 32`): seals SSO client secrets in the database. */
  ISMAP_SSO_SECRET_KEY: z
    .string()
    .refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  /** The append-only JSON Lines file checkpoints go to. */
  ISMAP_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  /** Seconds between checkpoints while serving (written only when the chain grew); 0 turns them off. */
  ISMAP_AUDIT_CHECKPOINT_INTERVAL: z.coerce
    .number()
    .int()
    .min(0)
    .max(31 * 86400)
    .default(3600),
});

export interface AuditCheckpointConfig {
  keyFile: string | undefined;
  publicKeyFile: string | undefined;
  file: string;
  intervalSeconds: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  secureCookies: 'auto' | 'true' | 'false';
  demoPassword: string | undefined;
  seedDemo: boolean;
  webDir: string | undefined;
  maxUploadBytes: number;
  /** Undefined when no checkpoint file is configured. */
  auditCheckpoint: AuditCheckpointConfig | undefined;
  ssoSecretKey: string | undefined;
}

export function parseConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const r = configSchema.safeParse(env);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({
      path: i.path.map(String),
      message: `${i.path.join('.')}: ${i.message}`,
    }));
    throw new DomainError(
      'config_invalid',
      `Invalid configuration:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`,
      issues,
    );
  }
  const e = r.data;
  const dataDir = resolve(cwd, e.ISMAP_DATA_DIR);
  const auditCheckpoint = auditCheckpointConfig(e, cwd, dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(cwd, e.ISMAP_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.ISMAP_TRUST_PROXY === 'true',
    secureCookies: e.ISMAP_SECURE_COOKIES,
    demoPassword: e.ISMAP_DEMO_PASSWORD,
    seedDemo: e.ISMAP_SEED_DEMO === 'true',
    webDir: e.ISMAP_WEB_DIR ? resolve(cwd, e.ISMAP_WEB_DIR) : undefined,
    maxUploadBytes: e.ISMAP_MAX_UPLOAD_BYTES,
    auditCheckpoint,
    ssoSecretKey: e.ISMAP_SSO_SECRET_KEY,
  };
}

/**
 * The key and the checkpoint file must live outside the data folder: whoever can replace the database files could
 * otherwise replace the checkpoints (or read the key) along with them.
 */
function auditCheckpointConfig(
  e: z.infer<typeof configSchema>,
  cwd: string,
  dataDir: string,
): AuditCheckpointConfig | undefined {
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(cwd, p));
  const cfg = {
    keyFile: at(e.ISMAP_AUDIT_KEY_FILE),
    publicKeyFile: at(e.ISMAP_AUDIT_PUBLIC_KEY_FILE),
    file: at(e.ISMAP_AUDIT_CHECKPOINT_FILE),
  };
  const issues: { path: string[]; message: string }[] = [];
  for (const [name, path] of [
    ['ISMAP_AUDIT_KEY_FILE', cfg.keyFile],
    ['ISMAP_AUDIT_PUBLIC_KEY_FILE', cfg.publicKeyFile],
    ['ISMAP_AUDIT_CHECKPOINT_FILE', cfg.file],
  ] as const) {
    if (path && (path === dataDir || path.startsWith(dataDir + sep)))
      issues.push({ path: [name], message: `${name}: must be outside ISMAP_DATA_DIR (${dataDir})` });
  }
  if (!cfg.file && (cfg.keyFile || cfg.publicKeyFile))
    issues.push({
      path: ['ISMAP_AUDIT_CHECKPOINT_FILE'],
      message: 'ISMAP_AUDIT_CHECKPOINT_FILE: required when a checkpoint key is set',
    });
  if (cfg.file && !cfg.keyFile && !cfg.publicKeyFile)
    issues.push({
      path: ['ISMAP_AUDIT_KEY_FILE'],
      message: 'ISMAP_AUDIT_KEY_FILE (or ISMAP_AUDIT_PUBLIC_KEY_FILE): required with ISMAP_AUDIT_CHECKPOINT_FILE',
    });
  if (issues.length)
    throw new DomainError(
      'config_invalid',
      `Invalid configuration:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`,
      issues,
    );
  if (!cfg.file) return undefined;
  return {
    keyFile: cfg.keyFile,
    publicKeyFile: cfg.publicKeyFile,
    file: cfg.file,
    intervalSeconds: e.ISMAP_AUDIT_CHECKPOINT_INTERVAL,
  };
}
