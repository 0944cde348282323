import { z } from 'zod';
import { implementationStatuses, statementStates, storedSelections } from '../../../core/statement/model';
import { localizedText } from '../cloud-services/inputs';

/** Request shapes shared by the statement use cases (the server's OpenAPI schemas are these). */
export const auditPeriodInput = z
  .object({ start: z.iso.date(), end: z.iso.date() })
  .strict()
  .describe('Audit period (監査対象期間), ISO dates, both ends included');

export const changeReasonInput = z
  .string()
  .max(2000)
  .optional()
  .describe('Required while the statement is under audit: the change is recorded with it');

export const selectionInput = z.enum(storedSelections).nullable();
export const statusInput = z.enum(implementationStatuses);
export const itemIdInput = z.string().min(1).max(100);
export const stateInput = z.enum(statementStates);
export const reasonText = z.string().max(5000).nullable();
export const ownerText = z.string().trim().max(200).nullable();
export const controlText = localizedText(20000);

export const controlRevisionInput = z
  .object({
    effectiveDate: z.iso.date(),
    before: localizedText(20000),
    after: localizedText(20000),
    note: z.string().max(2000).nullable().default(null),
  })
  .strict();

/** Record this change of the individual control as a dated revision (before: the stored text, after: the new). */
export const recordRevisionInput = z
  .object({
    effectiveDate: z.iso.date().describe('The date the changed control takes effect'),
    note: z.string().max(2000).nullable().default(null),
  })
  .strict()
  .describe(
    'Record the control text change as a dated revision (note: the change reason when omitted); under audit the individual control changes only with one',
  );
