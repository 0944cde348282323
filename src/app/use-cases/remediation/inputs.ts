import { z } from 'zod';
import { DomainError, issuesFromZod } from '../../../core/errors';
import { remediationLinkKinds, remediationRisks, remediationStatuses } from '../../../core/remediation/model';
import { blockerRules } from '../../../core/statement/blockers';

const day = z.iso.date();

export const remediationFields = {
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000),
  owner: z.string().trim().max(200).nullable(),
  risk: z.enum(remediationRisks),
  plannedCompletion: day.nullable(),
  milestones: z
    .array(
      z
        .object({
          id: z.string().min(1).max(100).optional(),
          title: z.string().trim().min(1).max(500),
          plannedDate: day,
          actualDate: day.nullable().default(null),
        })
        .strict(),
    )
    .max(100),
  links: z
    .array(
      z
        .object({
          kind: z.enum(remediationLinkKinds),
          target: z.string().min(1).max(200).nullable(),
          rule: z.enum(blockerRules).nullable().default(null),
        })
        .strict(),
    )
    .max(200),
};

export const remediationStatusInput = z.enum(remediationStatuses);

/** Parses or throws every problem with its field (`body.milestones.0.plannedDate`), nothing written. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, path: (string | number)[] = ['body']) {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new DomainError('validation_failed', 'Invalid remediation item', issuesFromZod(parsed.error.issues, path), {
      reason: 'remediation_invalid',
    });
  return parsed.data as z.output<T>;
}
