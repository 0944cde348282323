import type { Command } from './command';
import { command as serve } from './commands/serve';
import { command as dbMigrate } from './commands/db-migrate';
import { command as userCreate } from './commands/user-create';
import { command as auditVerify } from './commands/audit-verify';
import { command as catalogSync } from './commands/catalog-sync';
import { command as catalogImportText } from './commands/catalog-import-text';
import { command as catalogDiff } from './commands/catalog-diff';
import { command as catalogExport } from './commands/catalog-export';
import { command as map } from './commands/map';
import { command as oscalResolve } from './commands/oscal-resolve';
import { command as oscalValidate } from './commands/oscal-validate';

/** Every `ismap` command. One file per command in ./commands. */
export const commands: Command[] = [serve, dbMigrate, userCreate, auditVerify, catalogSync, catalogImportText, catalogDiff, catalogExport, map, oscalResolve, oscalValidate];
