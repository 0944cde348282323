import type { ExclusiveTask, Repositories, UnitOfWork } from '../app/ports/repositories';
import type { Db } from './engine';
import { auditRepository } from './repositories/audit-repository';
import { organizationRepository } from './repositories/organization-repository';
import { sessionRepository } from './repositories/session-repository';
import { userRepository } from './repositories/user-repository';
import { catalogRepository } from './repositories/catalog-repository';
import { mappingRepository } from './repositories/mapping-repository';
import { settingsRepository } from './repositories/settings-repository';
import { knownDeviceRepository, loginThrottleRepository } from './repositories/login-throttle-repository';
import { invitationRepository } from './repositories/invitation-repository';

export function repositories(db: Db): Repositories {
  return {
    organizations: organizationRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    audit: auditRepository(db),
    catalogs: catalogRepository(db),
    mappings: mappingRepository(db),
    settings: settingsRepository(db),
    loginThrottle: loginThrottleRepository(db),
    knownDevices: knownDeviceRepository(db),
    invitations: invitationRepository(db),
  };
}

/** Advisory lock keys; 727274 is the migrations' (src/db/migrate.ts). */
const exclusiveKeys: Record<ExclusiveTask, number> = { bundled_catalog_sync: 727275 };

type Exclusive = <T>(key: number, fn: () => Promise<T>) => Promise<T>;

/** `afterCommit` runs after every committed transaction (the runtime clears in-process caches there). */
export function unitOfWork(db: Db, hooks: { afterCommit?: () => void; exclusive?: Exclusive } = {}): UnitOfWork {
  return {
    read: repositories(db),
    exclusive: (task, fn) => (hooks.exclusive ? hooks.exclusive(exclusiveKeys[task], fn) : fn()),
    transaction: async (fn) => {
      const result = await db.transaction((tx) => fn(repositories(tx as unknown as Db)));
      hooks.afterCommit?.();
      return result;
    },
  };
}
