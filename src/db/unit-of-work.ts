import type { Repositories, UnitOfWork } from '../app/ports/repositories';
import type { Db } from './engine';
import { auditRepository } from './repositories/audit-repository';
import { organizationRepository } from './repositories/organization-repository';
import { sessionRepository } from './repositories/session-repository';
import { userRepository } from './repositories/user-repository';
import { catalogRepository } from './repositories/catalog-repository';
import { mappingRepository } from './repositories/mapping-repository';

export function repositories(db: Db): Repositories {
  return {
    organizations: organizationRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    audit: auditRepository(db),
    catalogs: catalogRepository(db),
    mappings: mappingRepository(db),
  };
}

export function unitOfWork(db: Db): UnitOfWork {
  return {
    read: repositories(db),
    transaction: (fn) => db.transaction((tx) => fn(repositories(tx as unknown as Db))),
  };
}
