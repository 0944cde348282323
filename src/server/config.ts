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
  /** Largest evidence file in bytes (docs/evidence.md); it streams to the blob store, never held in memory. */
  ISMAP_MAX_EVIDENCE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 40)
    .default(200 * 1024 * 1024),
  /** Where evidence files go: the data folder (default) or an S3-compatible store (docs/evidence.md). */
  ISMAP_BLOB_STORE: z.enum(['filesystem', 's3']).default('filesystem'),
  ISMAP_S3_BUCKET: z.string().min(1).optional(),
  ISMAP_S3_PREFIX: z
    .string()
    .regex(/^([\w.-]+\/)*$/, 'empty, or folder names each ending in /')
    .default(''),
  ISMAP_S3_ENDPOINT: z.string().url().optional(),
  ISMAP_S3_REGION: z.string().min(1).default('us-east-1'),
  ISMAP_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  ISMAP_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ISMAP_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
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
  /** Seconds between polls of the job queue (scheduled clean-ups and background work); 0 runs no worker here. */
  ISMAP_JOB_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** The key (32 bytes, base64) that seals TOTP secrets; created when missing. Servers sharing a database share it. */
  ISMAP_MFA_KEY_FILE: z.string().min(1).optional(),
  /** The address people open (https://ismap.example.go.jp): the WebAuthn origin and RP ID. Default: the request's. */
  ISMAP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export interface AuditCheckpointConfig {
  keyFile: string | undefined;
  publicKeyFile: string | undefined;
  file: string;
  intervalSeconds: number;
}

/** The evidence blob store; without S3 settings, files go under ISMAP_DATA_DIR/blobs. */
export type BlobStoreConfig =
  | { kind: 'filesystem' }
  | {
      kind: 's3';
      bucket: string;
      prefix: string;
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
    };

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
  jobPollSeconds: number;
  maxEvidenceBytes: number;
  blobStore: BlobStoreConfig;
  /** Undefined when no checkpoint file is configured. */
  auditCheckpoint: AuditCheckpointConfig | undefined;
  /** Where the TOTP sealing key is kept (default <data dir>/mfa.key). */
  mfaKeyFile: string;
  publicUrl: string | undefined;
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
    jobPollSeconds: e.ISMAP_JOB_POLL_SECONDS,
    maxEvidenceBytes: e.ISMAP_MAX_EVIDENCE_BYTES,
    blobStore: blobStoreConfig(e),
    auditCheckpoint,
    mfaKeyFile: e.ISMAP_MFA_KEY_FILE ? resolve(cwd, e.ISMAP_MFA_KEY_FILE) : resolve(dataDir, 'mfa.key'),
    publicUrl: e.ISMAP_PUBLIC_URL?.replace(/\/+$/, ''),
    ssoSecretKey: e.ISMAP_SSO_SECRET_KEY,
  };
}

function blobStoreConfig(e: z.infer<typeof configSchema>): BlobStoreConfig {
  if (e.ISMAP_BLOB_STORE === 'filesystem') return { kind: 'filesystem' };
  if (!e.ISMAP_S3_BUCKET)
    throw new DomainError(
      'config_invalid',
      'Invalid configuration:\n  - ISMAP_S3_BUCKET: required with ISMAP_BLOB_STORE=s3',
      [{ path: ['ISMAP_S3_BUCKET'], message: 'ISMAP_S3_BUCKET: required with ISMAP_BLOB_STORE=s3' }],
    );
  // Without keys here the SDK's own chain is used (AWS_* variables, an instance role).
  return {
    kind: 's3',
    bucket: e.ISMAP_S3_BUCKET,
    prefix: e.ISMAP_S3_PREFIX,
    endpoint: e.ISMAP_S3_ENDPOINT,
    region: e.ISMAP_S3_REGION,
    forcePathStyle: e.ISMAP_S3_FORCE_PATH_STYLE === 'true',
    accessKeyId: e.ISMAP_S3_ACCESS_KEY_ID,
    secretAccessKey: e.ISMAP_S3_SECRET_ACCESS_KEY,
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
