import { z } from '@hono/zod-openapi';
import { orgKinds, roles } from '../core/identity';
import { mfaMethods, signInSteps } from '../core/mfa';

// Response schemas: the OpenAPI document is generated from these and from the request schemas that validate.

const MessageParams = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .openapi('MessageParams', { description: 'Values to fill into the translated message.' });

/** One problem with a location; an import adds its severity and the column (letter) of the file it is in. */
export const Issue = z
  .object({
    path: z.array(z.union([z.string(), z.number()])),
    message: z.string(),
    code: z
      .string()
      .optional()
      .openapi({ example: 'zod_too_small', description: 'Stable key of the problem, translated with `params`.' }),
    params: MessageParams.optional(),
    severity: z.enum(['error', 'warning']).optional().openapi({ description: 'Imports: a warning does not stop one' }),
    sheet: z.string().nullable().optional().openapi({ description: 'Workbooks: the sheet the problem is on' }),
    row: z.number().optional(),
    column: z.string().optional().openapi({ example: 'C' }),
    file: z.string().optional(),
  })
  .openapi('Issue');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .openapi({ example: 'conflict', description: 'The kind of failure; it decides the HTTP status.' }),
      message: z.string().openapi({ description: 'An English sentence for logs and clients that do not translate.' }),
      reason: z.string().optional().openapi({
        example: 'slug_taken',
        description: 'Which failure, as a stable key a client translates with `params`.',
      }),
      params: MessageParams.optional(),
      issues: z.array(Issue).optional(),
      details: z
        .object({
          issueTotal: z.number().int().optional().openapi({ description: 'All issues; `issues` holds the first ones' }),
          issueCounts: z.record(z.string(), z.number().int()).optional().openapi({ description: 'Issues per code' }),
        })
        .catchall(z.unknown())
        .optional()
        .openapi({ description: 'More about the failure, e.g. issueTotal and issueCounts of an import' }),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid request', content: { 'application/json': { schema: ErrorBody } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Not allowed, or CSRF token missing', content: { 'application/json': { schema: ErrorBody } } },
  404: {
    description: 'Not found, or not visible to the caller',
    content: { 'application/json': { schema: ErrorBody } },
  },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
export const jsonOk = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const Abilities = z
  .record(z.string(), z.boolean())
  .openapi('Abilities', { description: 'What the caller may do with this object; the UI shows only these actions.' });

export const Organization = z
  .object({
    id: z.uuid(),
    kind: z.enum(orgKinds),
    slug: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    requireMfa: z.boolean().openapi({ description: 'Members must sign in with a second factor' }),
    abilities: Abilities,
  })
  .openapi('Organization');

export const Membership = z
  .object({ orgId: z.uuid(), orgKind: z.enum(orgKinds), role: z.enum(roles) })
  .openapi('Membership');

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    isPlatformAdmin: z.boolean(),
    locale: z.string().nullable(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: Abilities.optional(),
  })
  .openapi('User');

export const Member = z
  .object({
    userId: z.uuid(),
    orgId: z.uuid(),
    role: z.enum(roles),
    email: z.string(),
    displayName: z.string(),
    createdAt: z.string(),
  })
  .openapi('Member');

export const SessionInfo = z
  .object({
    user: User,
    memberships: z.array(Membership),
    activeOrgId: z.uuid().nullable(),
    organizations: z.array(Organization),
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every write' }),
    abilities: Abilities.openapi({
      description: 'Platform-wide abilities (create organizations, read the audit log, …)',
    }),
    signInStep: z.enum(signInSteps).nullable().openapi({
      description:
        'What is left before the session may act: `second_factor` (POST /auth/mfa/verify) or `enrol` (set up TOTP or a passkey). Null when signed in.',
    }),
    signInMethods: z
      .array(z.enum(mfaMethods))
      .openapi({ description: 'The second factors this user can give (for the second step)' }),
    mfaMethod: z
      .enum(mfaMethods)
      .nullable()
      .openapi({ description: 'The second factor this session was signed in with' }),
    authenticatedAt: z.string().nullable().openapi({ description: 'Newest proof of identity (for sensitive actions)' }),
  })
  .openapi('SessionInfo');

export const DeviceSession = z
  .object({
    id: z.string().openapi({ description: 'First 16 hex digits of the session id' }),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('DeviceSession');

export const AuditEvent = z
  .object({
    seq: z.number().int(),
    id: z.uuid(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorOrgId: z.string().nullable(),
    action: z.string().openapi({ example: 'organization.create' }),
    targetType: z.string(),
    targetId: z.string().nullable(),
    beforeDigest: z.string().nullable(),
    afterDigest: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
    format: z.number().int().openapi({
      description: 'How `hash` was computed: 1 (before migration 0006, `at` in ms), 2 (`at` as stored, µs)',
    }),
  })
  .openapi('AuditEvent');

export const Invitation = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    orgKind: z.enum(orgKinds),
    orgNameJa: z.string(),
    orgNameEn: z.string(),
    email: z.string(),
    role: z.enum(roles),
    invitedByName: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    abilities: Abilities,
  })
  .openapi('Invitation');

export const InvitationLink = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(roles),
    expiresAt: z.string(),
    organization: z.object({ kind: z.string(), nameJa: z.string(), nameEn: z.string() }),
    invitedByName: z.string().nullable(),
    needsAccount: z.boolean().openapi({ description: 'No account has this email yet: the link holder may create it' }),
  })
  .openapi('InvitationLink');
