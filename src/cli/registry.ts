import type { Command } from './command';
import { command as serve } from './commands/serve';
import { command as dbMigrate } from './commands/db-migrate';
import { command as userCreate } from './commands/user-create';
import { command as auditVerify } from './commands/audit-verify';

/** Every `ismap` command. One file per command in ./commands. */
export const commands: Command[] = [serve, dbMigrate, userCreate, auditVerify];
