import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { roles } from '../../../core/identity';
import { authorize, platformPolicy } from '../../../core/policies';
import { publicUser, type PublicUser, type User } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/** Emails are compared case-insensitively and trimmed before they are checked. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email());

export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256);

export const createUserInput = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
  isPlatformAdmin: z.boolean().default(false),
  locale: z.enum(['ja', 'en']).nullable().default(null),
  memberships: z.array(z.object({ orgId: z.uuid(), role: z.enum(roles) })).default([]),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export async function createUser(deps: AppDeps, ctx: RequestContext, raw: CreateUserInput): Promise<PublicUser> {
  authorize(platformPolicy, ctx.actor, 'createUser', null);
  const input = createUserInput.parse(raw);
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.uow.transaction(async (r) => {
    if (await r.users.getByEmail(input.email))
      throw new DomainError(
        'conflict',
        `A user with email ${input.email} already exists`,
        [{ path: ['email'], message: 'already registered', code: 'email_taken', params: { email: input.email } }],
        { reason: 'email_taken', params: { email: input.email } },
      );
    const now = deps.clock.now();
    const user: User = {
      id: deps.ids.uuid(),
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      isPlatformAdmin: input.isPlatformAdmin,
      locale: input.locale,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
      lastOrgId: null,
    };
    await r.users.insert(user);
    for (const m of input.memberships) {
      if (!(await r.organizations.get(m.orgId)))
        throw new DomainError(
          'validation_failed',
          'Unknown organization',
          [
            {
              path: ['memberships'],
              message: `organization ${m.orgId} does not exist`,
              code: 'unknown_organization',
              params: { orgId: m.orgId },
            },
          ],
          { reason: 'unknown_organization', params: { orgId: m.orgId } },
        );
      await r.users.putMembership({ userId: user.id, orgId: m.orgId, role: m.role, createdAt: now });
    }
    const shown = publicUser(user);
    await recordAudit(r, deps, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      after: shown,
      details: { email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: input.memberships },
    });
    return shown;
  });
}
