import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope, sessionOnly } from '../../token-scope';
import { createOrganization, createOrganizationInput } from '../../../app/use-cases/organizations/create-organization';
import { updateOrganization, updateOrganizationInput } from '../../../app/use-cases/organizations/update-organization';
import { getOrganization, listMembers } from '../../../app/use-cases/organizations/get-organization';
import { listOrganizations } from '../../../app/use-cases/organizations/list-organizations';
import { changeMemberRole, changeMemberRoleInput } from '../../../app/use-cases/organizations/change-member-role';
import { setOrganizationMfaRequirement } from '../../../app/use-cases/organizations/set-organization-mfa-requirement';
import { removeMembership } from '../../../app/use-cases/organizations/remove-membership';
import { requireRecentAuth } from '../../middleware/recent-auth';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, Member, Organization, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { presentMember, presentOrganization } from './presenter';

const tags = ['Organizations'];
const MemberParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});

const list = createRoute({
  ...scope('organizations', 'read'),
  method: 'get',
  path: '/organizations',
  tags,
  summary: 'Organizations visible to the caller',
  responses: { 200: jsonOk(z.object({ organizations: z.array(Organization) }), 'Organizations'), ...errorResponses },
});
const create = createRoute({
  ...scope('organizations', 'write'),
  method: 'post',
  path: '/organizations',
  tags,
  summary: 'Create an organization (platform administrators)',
  request: { body: jsonBody(createOrganizationInput) },
  responses: { 201: jsonOk(Organization, 'Created'), ...errorResponses, 409: errorResponses[400] },
});
const get = createRoute({
  ...scope('organizations', 'read'),
  method: 'get',
  path: '/organizations/{id}',
  tags,
  summary: 'One organization',
  request: { params: IdParam },
  responses: { 200: jsonOk(Organization, 'Organization'), ...errorResponses },
});
const update = createRoute({
  ...scope('organizations', 'write'),
  method: 'patch',
  path: '/organizations/{id}',
  tags,
  summary: 'Rename an organization (its admins, platform administrators)',
  request: { params: IdParam, body: jsonBody(updateOrganizationInput) },
  responses: { 200: jsonOk(Organization, 'Updated'), ...errorResponses },
});
const mfaRequirement = createRoute({
  method: 'put',
  path: '/organizations/{id}/mfa-requirement',
  ...sessionOnly,
  tags,
  summary:
    'Require a second factor of every member (its admins, platform administrators; needs a recent sign-in); audited',
  request: { params: IdParam, body: jsonBody(z.object({ required: z.boolean() })) },
  responses: { 200: jsonOk(Organization, 'Updated'), ...errorResponses },
});
const members = createRoute({
  ...scope('organizations', 'read'),
  method: 'get',
  path: '/organizations/{id}/members',
  tags,
  summary: 'Members of an organization',
  request: { params: IdParam },
  responses: { 200: jsonOk(z.object({ members: z.array(Member) }), 'Members'), ...errorResponses },
});
// Nobody becomes a member without consent: new members are invited (routes/invitations.ts); this changes a role.
const patchMember = createRoute({
  ...scope('organizations', 'write'),
  method: 'patch',
  path: '/organizations/{id}/members/{userId}',
  tags,
  summary: 'Change the role of an existing member',
  request: { params: MemberParams, body: jsonBody(changeMemberRoleInput) },
  responses: {
    200: jsonOk(z.object({ userId: z.uuid(), orgId: z.uuid(), role: z.string() }), 'Membership'),
    ...errorResponses,
    409: errorResponses[400],
  },
});
const deleteMember = createRoute({
  ...scope('organizations', 'write'),
  method: 'delete',
  path: '/organizations/{id}/members/{userId}',
  tags,
  summary: 'Remove a member',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
});

export function organizationRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const ctx = requestCtx(c);
    const orgs = await listOrganizations(c.get('deps'), ctx);
    return c.json({ organizations: orgs.map((o) => presentOrganization(o, ctx.actor)) }, 200);
  });
  app.openapi(create, async (c) => {
    const ctx = requestCtx(c);
    const org = await createOrganization(c.get('deps'), ctx, c.req.valid('json'));
    return c.json(presentOrganization(org, ctx.actor), 201);
  });
  app.openapi(get, async (c) => {
    const ctx = requestCtx(c);
    return c.json(
      presentOrganization(await getOrganization(c.get('deps'), ctx, c.req.valid('param').id), ctx.actor),
      200,
    );
  });
  app.openapi(update, async (c) => {
    const ctx = requestCtx(c);
    const org = await updateOrganization(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentOrganization(org, ctx.actor), 200);
  });
  app.openapi(mfaRequirement, async (c) => {
    // Changing who must use a second factor is an MFA setting: a recent proof of identity first.
    requireRecentAuth(c);
    const ctx = requestCtx(c);
    const org = await setOrganizationMfaRequirement(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentOrganization(org, ctx.actor), 200);
  });
  app.openapi(members, async (c) =>
    c.json(
      { members: (await listMembers(c.get('deps'), requestCtx(c), c.req.valid('param').id)).map(presentMember) },
      200,
    ),
  );
  app.openapi(patchMember, async (c) => {
    const p = c.req.valid('param');
    const m = await changeMemberRole(c.get('deps'), requestCtx(c), p.id, p.userId, c.req.valid('json'));
    return c.json({ userId: m.userId, orgId: m.orgId, role: m.role }, 200);
  });
  app.openapi(deleteMember, async (c) => {
    const p = c.req.valid('param');
    await removeMembership(c.get('deps'), requestCtx(c), p.id, p.userId);
    return c.body(null, 204);
  });
  return app;
}
