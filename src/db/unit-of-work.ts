import type { ExclusiveTask, Repositories, UnitOfWork } from '../app/ports/repositories';
import type { Db } from './engine';
import { evidenceRepository } from './repositories/evidence-repository';
import { auditRepository } from './repositories/audit-repository';
import { organizationRepository } from './repositories/organization-repository';
import { sessionRepository } from './repositories/session-repository';
import { userRepository } from './repositories/user-repository';
import { catalogRepository } from './repositories/catalog-repository';
import { mappingRepository } from './repositories/mapping-repository';
import { settingsRepository } from './repositories/settings-repository';
import { knownDeviceRepository, loginThrottleRepository } from './repositories/login-throttle-repository';
import { invitationRepository } from './repositories/invitation-repository';
import { contentRevisionRepository } from './repositories/content-revision-repository';
import { cloudServiceRepository } from './repositories/cloud-service-repository';
import { statementRepository } from './repositories/statement-repository';
import { jobRepository } from './repositories/job-repository';
import { mfaRepository } from './repositories/mfa-repository';
import { apiTokenRepository } from './repositories/api-token-repository';
import { ssoRepository } from './repositories/sso-repository';
import { gapImportRepository } from './repositories/gap-import-repository';
import { remediationRepository } from './repositories/remediation-repository';

export function repositories(db: Db): Repositories {
  return {
    organizations: organizationRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    audit: auditRepository(db),
    catalogs: catalogRepository(db),
    mappings: mappingRepository(db),
    contentRevision: contentRevisionRepository(db),
    settings: settingsRepository(db),
    loginThrottle: loginThrottleRepository(db),
    knownDevices: knownDeviceRepository(db),
    invitations: invitationRepository(db),
    cloudServices: cloudServiceRepository(db),
    statements: statementRepository(db),
    jobs: jobRepository(db),
    mfa: mfaRepository(db),
    apiTokens: apiTokenRepository(db),
    evidence: evidenceRepository(db),
    sso: ssoRepository(db),
    gapImports: gapImportRepository(db),
    remediation: remediationRepository(db),
  };
}

/** Advisory lock keys; 727274 is the migrations' (src/db/migrate.ts). */
const exclusiveKeys: Record<ExclusiveTask, number> = { bundled_catalog_sync: 727275 };

type Exclusive = <T>(key: number, fn: () => Promise<T>) => Promise<T>;

/** What a committed transaction changed, as far as in-process caches care. */
export interface Changed {
  catalogs: boolean;
  mappings: boolean;
}

const catalogWrites = ['insertEdition', 'deleteEdition', 'updateNodeTexts', 'touchEdition'] as const;
const mappingWrites = ['putSet', 'setPublished', 'deleteSet', 'touchSet', 'insert', 'delete'] as const;

/** The repository with its write methods noting that they ran (so the commit hook knows what to invalidate). */
function noting<T extends object>(repo: T, writes: readonly (keyof T)[], note: () => void): T {
  const out = { ...repo };
  for (const name of writes) {
    const method = repo[name] as (...args: unknown[]) => Promise<unknown>;
    (out as Record<keyof T, unknown>)[name] = (...args: unknown[]) => {
      note();
      return method(...args);
    };
  }
  return out;
}

/**
 * `afterCommit` runs after every committed transaction with what it wrote (the runtime clears in-process caches
 * there). Catalog and mapping writes also bump the content revision in the database itself (migration 0007).
 */
export function unitOfWork(
  db: Db,
  hooks: { afterCommit?: (changed: Changed) => void; exclusive?: Exclusive } = {},
): UnitOfWork {
  return {
    read: repositories(db),
    exclusive: (task, fn) => (hooks.exclusive ? hooks.exclusive(exclusiveKeys[task], fn) : fn()),
    transaction: async (fn) => {
      const changed: Changed = { catalogs: false, mappings: false };
      const result = await db.transaction((tx) => {
        const r = repositories(tx as unknown as Db);
        r.catalogs = noting(r.catalogs, catalogWrites, () => (changed.catalogs = true));
        r.mappings = noting(r.mappings, mappingWrites, () => (changed.mappings = true));
        return fn(r);
      });
      hooks.afterCommit?.(changed);
      return result;
    },
  };
}
