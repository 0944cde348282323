import { z } from 'zod';
import { resolve } from 'node:path';
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
  ISMAP_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(2 ** 40).default(50 * 1024 * 1024),
});

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
}

export function parseConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const r = configSchema.safeParse(env);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.map(String), message: `${i.path.join('.')}: ${i.message}` }));
    throw new DomainError('config_invalid', `Invalid configuration:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`, issues);
  }
  const e = r.data;
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
  };
}
