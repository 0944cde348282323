import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { anonymous, scope, sessionOnly } from '../../token-scope';
import { createInvitation, createInvitationInput } from '../../../app/use-cases/organizations/create-invitation';
import { listMyInvitations, listOrganizationInvitations } from '../../../app/use-cases/organizations/list-invitations';
import { revokeInvitation } from '../../../app/use-cases/organizations/revoke-invitation';
import { acceptInvitation } from '../../../app/use-cases/organizations/accept-invitation';
import { declineInvitation } from '../../../app/use-cases/organizations/decline-invitation';
import { invitationTokenInput, openInvitationLink } from '../../../app/use-cases/organizations/open-invitation-link';
import {
  registerByInvitation,
  registerByInvitationInput,
} from '../../../app/use-cases/organizations/register-by-invitation';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, Invitation, InvitationLink, User, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { presentCreatedInvitation, presentInvitation, presentInvitationLink } from './presenter';
import { presentUser } from '../users/presenter';

const tags = ['Invitations'];
const OrgInvitationParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  invitationId: z.uuid().openapi({ param: { name: 'invitationId', in: 'path' } }),
});
const conflict = { 409: errorResponses[400] };
const Created = z.object({
  invitation: Invitation,
  token: z
    .string()
    .openapi({ description: 'Single-use token of the invitation link; shown once, stored only as a digest' }),
  link: z
    .string()
    .openapi({ description: 'Path of the invitation page (the token is in the fragment, which browsers do not send)' }),
});

const create = createRoute({
  ...scope('organizations', 'write'),
  method: 'post',
  path: '/organizations/{id}/invitations',
  tags,
  summary: 'Invite a person by email (the answer does not say whether the email has an account)',
  request: { params: IdParam, body: jsonBody(createInvitationInput) },
  responses: { 201: jsonOk(Created, 'Invited'), ...errorResponses, ...conflict },
});
const listForOrg = createRoute({
  ...scope('organizations', 'read'),
  method: 'get',
  path: '/organizations/{id}/invitations',
  tags,
  summary: "An organization's open invitations (its admins)",
  request: { params: IdParam },
  responses: { 200: jsonOk(z.object({ invitations: z.array(Invitation) }), 'Invitations'), ...errorResponses },
});
const revoke = createRoute({
  ...scope('organizations', 'write'),
  method: 'delete',
  path: '/organizations/{id}/invitations/{invitationId}',
  tags,
  summary: 'Withdraw an open invitation',
  request: { params: OrgInvitationParams },
  responses: { 204: { description: 'Withdrawn' }, ...errorResponses, ...conflict },
});
const mine = createRoute({
  ...sessionOnly,
  method: 'get',
  path: '/invitations',
  tags,
  summary: "Open invitations addressed to the caller's email",
  responses: { 200: jsonOk(z.object({ invitations: z.array(Invitation) }), 'Invitations'), ...errorResponses },
});
const accept = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/invitations/{id}/accept',
  tags,
  summary: 'Accept an invitation addressed to you',
  request: { params: IdParam },
  responses: {
    200: jsonOk(z.object({ orgId: z.uuid(), role: z.string() }), 'Now a member'),
    ...errorResponses,
    ...conflict,
  },
});
const decline = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/invitations/{id}/decline',
  tags,
  summary: 'Decline an invitation addressed to you',
  request: { params: IdParam },
  responses: { 204: { description: 'Declined' }, ...errorResponses, ...conflict },
});
const lookup = createRoute({
  ...anonymous,
  method: 'post',
  path: '/invitations/lookup',
  tags,
  summary: 'What an invitation link is for (no sign-in needed; the token is the proof)',
  security: [],
  request: { body: jsonBody(invitationTokenInput) },
  responses: { 200: jsonOk(InvitationLink, 'The invitation'), ...errorResponses },
});
const register = createRoute({
  ...anonymous,
  method: 'post',
  path: '/invitations/register',
  tags,
  summary: 'Create your account from an invitation link and join the organization',
  security: [],
  request: { body: jsonBody(registerByInvitationInput) },
  responses: {
    201: jsonOk(z.object({ user: User }), 'Account created; sign in with it'),
    ...errorResponses,
    ...conflict,
  },
});

export function invitationRoutes() {
  const app = apiRouter();
  app.openapi(create, async (c) => {
    const ctx = requestCtx(c);
    const created = await createInvitation(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentCreatedInvitation(created, ctx.actor), 201);
  });
  app.openapi(listForOrg, async (c) => {
    const ctx = requestCtx(c);
    const list = await listOrganizationInvitations(c.get('deps'), ctx, c.req.valid('param').id);
    return c.json({ invitations: list.map((i) => presentInvitation(i, ctx.actor)) }, 200);
  });
  app.openapi(revoke, async (c) => {
    const p = c.req.valid('param');
    await revokeInvitation(c.get('deps'), requestCtx(c), p.id, p.invitationId);
    return c.body(null, 204);
  });
  app.openapi(mine, async (c) => {
    const ctx = requestCtx(c);
    const list = await listMyInvitations(c.get('deps'), ctx);
    return c.json({ invitations: list.map((i) => presentInvitation(i, ctx.actor)) }, 200);
  });
  app.openapi(accept, async (c) => {
    const m = await acceptInvitation(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json({ orgId: m.orgId, role: m.role }, 200);
  });
  app.openapi(decline, async (c) => {
    await declineInvitation(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(lookup, async (c) =>
    c.json(presentInvitationLink(await openInvitationLink(c.get('deps'), c.req.valid('json'))), 200),
  );
  app.openapi(register, async (c) => {
    const user = await registerByInvitation(c.get('deps'), c.get('requestId'), c.req.valid('json'));
    return c.json({ user: presentUser(user) }, 201);
  });
  return app;
}
