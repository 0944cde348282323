import type { Logger } from 'pino';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine, type Engine } from '../db/engine';
import type { EmbeddedStart } from '../db/embedded-start';
import { unitOfWork } from '../db/unit-of-work';
import { argon2Hasher } from '../infra/argon2-hasher';
import { createLogger } from '../infra/logger';
import { dataDirError } from './data-folder';
import { cryptoIds, systemClock } from '../infra/system';
import { defaultThrottleLimits } from '../core/login-throttle';
import type { AppDeps } from '../app/context';
import { CatalogCache } from '../app/catalog-cache';
import { SessionCache } from '../app/session-cache';
import { StatementReadinessCache } from '../app/statement-readiness';
import type { Clock } from '../app/ports/services';
import type { BlobStore } from '../app/ports/blob-store';
import { inMemoryBlobStore } from '../app/testing/in-memory-blob-store';
import type { Config } from '../server/config';
import type { ServerDeps } from '../server/env';
import type { AuditCheckpoints } from '../app/ports/audit-checkpoints';
import { openAuditCheckpoints } from '../infra/audit-checkpoints';
import { DomainError } from '../core/errors';
import type { SecretBox } from '../app/ports/mfa-services';
import { ephemeralSecretBox, secretBox, secretBoxFromFile } from '../infra/secret-box';
import { otpauthTotp } from '../infra/totp';
import { simpleWebAuthn } from '../infra/webauthn';
import { fsBlobStore } from '../infra/fs-blob-store';
import { s3BlobStore } from '../infra/s3-blob-store';
import { claimUploadSpace } from './upload-space';
import { openIdClient } from '../infra/oidc-client';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

/** The composition root: one open database and everything the use cases need. */
export interface Runtime {
  engine: Engine;
  deps: ServerDeps;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  /** Cheaper argon2 parameters for tests and benchmarks. */
  fastHashing?: boolean;
  /** In-memory PGlite (tests), ignoring dataDir. */
  inMemory?: boolean;
  /** The embedded database, already locked and opening (`ismap serve` starts it before loading this module). */
  embedded?: EmbeddedStart | undefined;
  /** Apply pending migrations (default true); a copy opened only to be read is left as it was. */
  migrate?: boolean;
}

/** The use cases' dependencies over an open engine. The one place they are assembled (server, CLI, tests, benches). */
export function appDeps(
  engine: Engine,
  opts: {
    fastHashing?: boolean;
    clock?: Clock;
    sessionCacheTtlMs?: number;
    secrets?: SecretBox;
    mfaForPlatformAdmins?: boolean;
    blobs?: BlobStore | undefined;
    ssoSecretKey?: string | undefined;
  } = {},
): AppDeps {
  const sessionCache = new SessionCache(opts.sessionCacheTtlMs);
  const catalogCache = new CatalogCache();
  // Other servers on the same PostgreSQL: their commits reach these caches by NOTIFY.
  engine.watchContentRevision?.({ revision: (r) => catalogCache.observe(r), lost: () => catalogCache.invalidate() });
  engine.watchIdentity?.({ changed: () => sessionCache.invalidate(), live: (l) => sessionCache.live(l) });
  return {
    // Every commit may change a session, user or membership: drop what the session cache holds. A commit that
    // wrote catalogs or mappings makes the catalog snapshot stale.
    uow: unitOfWork(engine.db, {
      afterCommit: (changed) => {
        sessionCache.invalidate();
        if (changed.catalogs) catalogCache.invalidate();
        else if (changed.mappings) catalogCache.invalidateMappings();
      },
      exclusive: engine.exclusive,
    }),
    hasher: argon2Hasher(opts.fastHashing ? { memoryCost: 1024, timeCost: 1 } : {}),
    clock: opts.clock ?? systemClock,
    ids: cryptoIds,
    throttle: defaultThrottleLimits,
    catalogCache,
    sessionCache,
    statementReadiness: new StatementReadinessCache(),
    mfa: {
      totp: otpauthTotp,
      webauthn: simpleWebAuthn,
      secrets: opts.secrets ?? ephemeralSecretBox(),
      requiredForPlatformAdmins: opts.mfaForPlatformAdmins ?? true,
    },
    // openRuntime passes the configured store (data folder or S3); tests that do not care get one in memory.
    blobs: opts.blobs ?? inMemoryBlobStore(),
    sso: {
      oidc: openIdClient,
      secrets: opts.ssoSecretKey ? secretBox(Buffer.from(opts.ssoSecretKey, 'base64')) : undefined,
    },
  };
}

type RuntimeConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'secureCookies' | 'trustProxy' | 'webDir' | 'logLevel'> &
  Partial<
    Pick<
      Config,
      | 'maxUploadBytes'
      | 'maxEvidenceBytes'
      | 'blobStore'
      | 'auditCheckpoint'
      | 'mfaKeyFile'
      | 'publicUrl'
      | 'ssoSecretKey'
    >
  >;

/**
 * The configured evidence store. On the file system, blobs are written in this process's own folder under
 * blobs/tmp (claimed like the upload folders: a crashed process's half-written files go at the next start).
 */
function openBlobStore(config: RuntimeConfig): { store: BlobStore; release(): void } {
  const c = config.blobStore ?? { kind: 'filesystem' };
  if (c.kind === 's3') return { store: s3BlobStore(c), release: () => undefined };
  const root = join(config.dataDir, 'blobs');
  const space = claimUploadSpace(join(root, 'tmp'));
  return { store: fsBlobStore(root, space.dir), release: () => space.release() };
}

/** The configured checkpoint keys and log; a key that cannot be read is a configuration error, said plainly. */
async function checkpointsOf(config: RuntimeConfig): Promise<AuditCheckpoints | undefined> {
  const c = config.auditCheckpoint;
  if (!c) return undefined;
  try {
    return await openAuditCheckpoints({
      keyFile: c.keyFile,
      publicKeyFiles: c.publicKeyFile ? [c.publicKeyFile] : [],
      file: c.file,
    });
  } catch (e) {
    throw new DomainError('config_invalid', `Cannot read the audit checkpoint key: ${(e as Error).message}`, [
      { path: ['ISMAP_AUDIT_KEY_FILE'], message: (e as Error).message },
    ]);
  }
}

export async function openRuntime(config: RuntimeConfig, opts: RuntimeOptions = {}): Promise<Runtime> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  // Read before the database opens: a bad key must not leave an opened database behind.
  let auditCheckpoints: AuditCheckpoints | undefined;
  try {
    auditCheckpoints = await checkpointsOf(config);
  } catch (e) {
    await opts.embedded?.abandon();
    throw e;
  }
  const embeddedDir = config.databaseUrl || opts.inMemory ? undefined : config.dataDir;
  let engine: Engine;
  try {
    engine = await openEngine({
      databaseUrl: config.databaseUrl,
      dataDir: opts.inMemory ? undefined : config.dataDir,
      embedded: opts.embedded,
      migrate: opts.migrate,
    });
  } catch (e) {
    throw embeddedDir ? dataDirError(e, embeddedDir) : e;
  }
  let blobs: ReturnType<typeof openBlobStore>;
  let secrets: SecretBox | undefined;
  try {
    secrets = opts.inMemory ? undefined : secretBoxFromFile(config.mfaKeyFile ?? join(config.dataDir, 'mfa.key'));
    blobs = openBlobStore(config);
  } catch (e) {
    await engine.close();
    throw e;
  }
  const app = {
    ...appDeps(engine, {
      ...opts,
      ...(secrets ? { secrets } : {}),
      blobs: blobs.store,
      ssoSecretKey: config.ssoSecretKey,
    }),
    auditCheckpoints,
  };
  const deps: ServerDeps = {
    ...app,
    logger,
    engineKind: engine.kind,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    webDir: config.webDir ?? join(projectRoot, 'dist', 'web'),
    version,
    maxUploadBytes: config.maxUploadBytes,
    publicUrl: config.publicUrl,
    maxEvidenceBytes: config.maxEvidenceBytes,
  };
  return {
    engine,
    deps,
    close: async () => {
      blobs.release();
      await engine.close();
    },
  };
}
