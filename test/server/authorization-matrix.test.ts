import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestServer, type Caller, type TestServer } from '../support/server';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { createInvitation } from '../../src/app/use-cases/organizations/create-invitation';
import { orgKinds, systemActor, type Actor, type OrgKind } from '../../src/core/identity';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { addMapping } from '../../src/app/use-cases/mappings/add-mapping';
import { loadBundledContent } from '../../src/formats/bundled';
import { mappingSetToOscal } from '../../src/formats/oscal-mapping';
import { remediationItemOf } from '../../src/core/remediation/test-item';
import { emptyScope } from '../../src/core/statement/model';
import { randomUUID } from 'node:crypto';
import { createApiToken } from '../../src/app/use-cases/api-tokens/create-api-token';
import { putBlob } from '../../src/app/blob/blob-io';

// Authorization matrix: every API endpoint × every organization kind × every built-in role × a target inside /
// outside the caller's organization. The expected status of every cell is written out below (`expect`, with
// `byKind` where an organization's kind changes the answer); an endpoint in the OpenAPI document without a row here
// fails the test, so new endpoints cannot skip the matrix. Anonymous callers and platform administrators belong to
// no organization, so their cells run once, not once per kind.

type Who = 'anonymous' | 'platformAdmin' | 'admin' | 'editor' | 'viewer';
type Where = 'inside' | 'outside';
type Expect = number | Record<Where, number>;
const whos: Who[] = ['anonymous', 'platformAdmin', 'admin', 'editor', 'viewer'];
const PW = 'matrix-password-123';

/** The users a row may name: the callers, the other organization's admin, and a user in no organization. */
type Person = Who | 'otherAdmin' | 'spare';

interface World {
  /** The kind of the caller's own organization ('inside'); 'outside' is an organization of another kind. */
  kind: OrgKind;
  org: Record<Where, string>;
  /** User ids by email. */
  users: Record<string, string>;
  email(who: Person): string;
  /** An admin actor of the inside or the outside organization, for setting up objects through use cases. */
  adminActor(where: Where): Actor;
}

interface Req {
  path: string;
  body?: unknown;
  form?: FormData;
}

interface Row {
  /** Builds the request for one cell; may create throwaway objects first. */
  req: (w: World, where: Where, who: Who, s: TestServer) => Promise<Req> | Req;
  /** Expected status for each role, the same inside and outside unless given per place. */
  expect: Record<Who, Expect>;
  /** Where the caller's organization kind changes the answer. */
  byKind?: Partial<Record<OrgKind, Partial<Record<Who, Expect>>>>;
  /** Undoes what `req` set up that would spoil later cells (a passkey makes the next sign-in two-step). */
  after?: (s: TestServer) => Promise<void>;
}

const member = (inside: number) => ({ inside, outside: 404 });
let seq = 0;
const uniq = () => `${Date.now().toString(36)}${seq++}`;
const signedIn = { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 };
// Distinct ISMAP objectives, one per POST /mappings cell (a second identical mapping would be a 409).
let objective = 0;
let cmControl = 0;
const objectives = [
  '5.1.1',
  '5.1.2',
  '6.1.1',
  '6.1.2',
  '6.1.3',
  '6.1.4',
  '6.1.5',
  '6.2.1',
  '6.2.2',
  '7.1.1',
  '7.1.2',
  '7.2.1',
];
const textUpload = () => {
  const form = new FormData();
  form.set('file', new Blob(['id,text\n9.2.3,テキスト\n'], { type: 'text/csv' }), 'matrix.csv');
  form.set('edition', '2024-07');
  form.set('dryRun', 'true');
  return form;
};
// Catalog content is maintained by the secretariat (IPA): its admins and editors import, its viewers do not.
const secretariatImports = (ok: number) => ({ secretariat: { admin: ok, editor: ok, viewer: 403 } });
// A fresh collection per cell: an import belongs to the importer's organization, and only its owner replaces it.
const collection = () =>
  mappingSetToOscal(
    { id: `matrix-${uniq()}`, title: 'Matrix import', description: 'One mapping', provenance: 'test' },
    [
      {
        source: 'ismap:2024-07:5.1.1',
        target: 'nist-800-53r5:5.1.1:pl-1',
        relationship: 'intersects-with',
        provenance: { document: 'test', method: 'community' },
        confidence: 0.4,
      },
    ],
  );

/** The organization's own manual mapping set, made on first use. */
async function ownSet(s: TestServer, w: World, where: Where): Promise<string> {
  const id = `user:${w.org[where]}`;
  if (!(await s.deps.uow.read.mappings.getSet(id))) {
    await addMapping(
      s.deps,
      { actor: w.adminActor(where), requestId: null },
      { source: 'ismap:8.1.2', target: 'nist-800-53r5:ac-3', relationship: 'intersects-with' },
    );
  }
  return encodeURIComponent(id);
}

/** A fresh member of the given organization, so user-changing cells never touch the callers themselves. */
async function throwawayUser(s: TestServer, orgId: string): Promise<string> {
  const email = `victim-${uniq()}@x.test`;
  return (
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email, displayName: 'v', password: PW, memberships: [{ orgId, role: 'viewer' }] },
    )
  ).id;
}

const sysCtx = { actor: systemActor, requestId: null };
async function invite(s: TestServer, orgId: string, email: string) {
  const { invitation, token } = await createInvitation(s.deps, sysCtx, orgId, { email, role: 'viewer' });
  return { id: invitation.id, token };
}
/** inside: addressed to the caller; outside: to somebody else. Always into a fresh organization. */
async function dropPlatformAdminMemberships(s: TestServer) {
  const users = s.deps.uow.read.users;
  const pa = await users.getByEmail('pa@platform.test');
  for (const m of await users.memberships(pa!.id)) await users.deleteMembership(pa!.id, m.orgId);
}

async function inviteFor(s: TestServer, w: World, where: Where, who: Who) {
  const org = await createOrganization(s.deps, sysCtx, {
    kind: 'agency',
    slug: `inv-${uniq()}`,
    nameJa: '省',
    nameEn: 'Ministry',
  });
  const email = w.email(where === 'inside' && who !== 'anonymous' ? who : 'spare');
  return invite(s, org.id, email);
}

// Cloud services and statements belong to CSP organizations, and only their members see them (404 for everyone
// else, platform administrators included). inside: a service of the caller's own organization when it is a CSP, else
// of a CSP the caller is not in; outside: a service of another CSP. Fresh objects per cell.
const cspOrgs = { main: '', other: '' };
const readsCsp = (ok: number) => ({
  expect: { anonymous: 401, platformAdmin: 404, admin: 404, editor: 404, viewer: 404 } as Record<Who, Expect>,
  byKind: { csp: { admin: member(ok), editor: member(ok), viewer: member(ok) } },
});
const writesCsp = (ok: number, viewerInside = 403) => ({
  expect: { anonymous: 401, platformAdmin: 404, admin: 404, editor: 404, viewer: 404 } as Record<Who, Expect>,
  byKind: { csp: { admin: member(ok), editor: member(ok), viewer: member(viewerInside) } },
});
async function serviceFor(s: TestServer, w: World, where: Where) {
  const orgId = where === 'outside' ? cspOrgs.other : w.kind === 'csp' ? w.org.inside : cspOrgs.main;
  const at = new Date().toISOString();
  const service = {
    id: randomUUID(),
    orgId,
    name: { ja: 'サービス', en: 'Service' },
    model: 'saas' as const,
    track: 'ismap' as const,
    scope: emptyScope(),
    owners: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const statement = {
    id: randomUUID(),
    orgId,
    serviceId: service.id,
    catalog: 'ismap',
    edition: '2024-07',
    period: null,
    previousPeriod: null,
    state: 'draft' as const,
    subsequentEvents: {},
    specialNotes: {},
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await s.deps.uow.transaction(async (r) => {
    await r.cloudServices.insert(service);
    await r.statements.insert(statement);
  });
  return { service: service.id, statement: statement.id };
}
const itemBody = {
  version: 0,
  selection: null,
  reason: null,
  inheritedFrom: null,
  status: 'implemented',
  owner: null,
  control: { ja: '個別管理策' },
};
/** A passkey row of the caller (inside) or of another organization's admin (outside), removed after the cell. */
let planted: string | null = null;
async function plantPasskey(s: TestServer, w: World, where: Where, who: Who) {
  const owner = w.email(where === 'inside' && who !== 'anonymous' ? who : 'otherAdmin');
  planted = `pk-${uniq()}`;
  await s.deps.uow.read.mfa.insertPasskey({
    id: planted,
    userId: w.users[owner]!,
    name: 'Matrix key',
    publicKey: 'AA',
    counter: 0,
    transports: [],
    deviceType: 'singleDevice',
    backedUp: false,
    createdAt: new Date(),
    lastUsedAt: null,
  });
  return planted;
}
const unplant = async (s: TestServer) => {
  if (planted) await s.deps.uow.read.mfa.deletePasskey(planted);
  planted = null;
};
const own = { inside: 200, outside: 404 };

/** A remediation item (open, version 1) in the plan of a statement in the organization serviceFor picks. */
async function remediationFor(s: TestServer, w: World, where: Where) {
  const { statement } = await serviceFor(s, w, where);
  const orgId = (await s.deps.uow.read.statements.get(statement))!.orgId;
  const item = remediationItemOf({
    id: randomUUID(),
    orgId,
    statementId: statement,
    createdAt: new Date().toISOString(),
  });
  await s.deps.uow.transaction((r) => r.remediation.insert(item));
  return { item: item.id, statement };
}
const poamDoc = () => ({
  'plan-of-action-and-milestones': {
    uuid: randomUUID(),
    metadata: { title: 'POA&M', 'last-modified': new Date().toISOString(), version: '1', 'oscal-version': '1.1.3' },
    'poam-items': [{ uuid: randomUUID(), title: 'Fix the policy', description: 'Write it' }],
  },
});

/** An evidence with one version (its bytes in the server's store) in the same organization serviceFor picks. */
async function evidenceFor(s: TestServer, w: World, where: Where) {
  const { statement } = await serviceFor(s, w, where);
  const orgId = (await s.deps.uow.read.statements.get(statement))!.orgId;
  const blob = await putBlob(s.deps.blobs, [Buffer.from(`evidence ${uniq()}`)]);
  const at = new Date().toISOString();
  const id = randomUUID();
  await s.deps.uow.transaction(async (r) => {
    await r.evidence.insert({
      id,
      orgId,
      title: { ja: '規程', en: 'Policy' },
      kind: 'policy',
      effectiveFrom: null,
      effectiveTo: null,
      owner: null,
      tags: [],
      confidentiality: 'internal',
      reviewFrequency: 'yearly',
      reviewedOn: at.slice(0, 10),
      currentVersion: 1,
      retiredAt: null,
      retiredBy: null,
      retireReason: null,
      version: 1,
      createdAt: at,
      createdBy: null,
      updatedAt: at,
    });
    await r.evidence.insertVersion({
      evidenceId: id,
      number: 1,
      ...blob,
      mediaType: 'text/plain',
      fileName: 'policy.txt',
      note: null,
      uploadedAt: at,
      uploadedBy: null,
    });
    await r.evidence.link({ evidenceId: id, statementId: statement, itemId: '5.1.1', linkedAt: at, linkedBy: null });
  });
  return { evidence: id, statement };
}
const evidenceUpload = (metadata = true) => {
  const form = new FormData();
  if (metadata) form.set('metadata', JSON.stringify({ title: { ja: '規程', en: 'Policy' }, kind: 'policy' }));
  form.set('file', new Blob([`matrix ${uniq()}`], { type: 'application/pdf' }), 'matrix.pdf');
  return form;
};

/** A gap import (one proposal) of a statement in the same organization serviceFor picks. */
async function gapImportFor(s: TestServer, w: World, where: Where) {
  const { statement } = await serviceFor(s, w, where);
  const orgId = (await s.deps.uow.read.statements.get(statement))!.orgId;
  const id = randomUUID();
  const proposal = {
    id: '5.1.1|A.5.1.1',
    itemId: '5.1.1',
    itemKey: 'ismap:2024-07:5.1.1',
    tier: 'controls',
    kind: 'objective',
    sourceId: 'A.5.1.1',
    sourceKey: 'iso27001-2013:2013:A.5.1.1',
    source: { kind: 'soa-row' as const, file: 'matrix.csv', row: 2 },
    sourceStatus: 'implemented' as const,
    relationship: 'equal' as const,
    confidence: 1,
    paths: [],
    bulkAcceptable: true,
    proposed: { selection: 'selected' as const, status: 'implemented' as const, draft: 'policy' },
  };
  await s.deps.uow.transaction((r) =>
    r.gapImports.insert(
      {
        id,
        orgId,
        statementId: statement,
        kind: 'soa',
        fileName: 'matrix.csv',
        sourceCatalog: 'iso27001-2013:2013',
        isoEdition: '2013',
        ismapEdition: '2024-07',
        summary: { controls: 1, proposals: 1, via: [], sets: [], intersectsOnly: 0, detection: null },
        report: {
          source: { kind: 'soa', file: 'matrix.csv', catalog: 'iso27001-2013:2013', controls: 1 },
          ismap: 'ismap:2024-07',
          items: [],
          unmapped: [],
          byTier: [],
          byClause: [],
          byReason: {} as never,
          totals: { items: 0, gaps: 0, covered: 0, proposals: 1 },
        },
        createdAt: new Date().toISOString(),
        createdBy: null,
      },
      [proposal],
    ),
  );
  return { gap: id, statement };
}
const soaUpload = () => {
  const form = new FormData();
  form.set('file', new Blob(['Control,Applicable,Implemented\r\nA.5.1.1,yes,yes\r\n']), 'soa.csv');
  return form;
};

const rows: Record<string, Row> = {
  // Second factors are the caller's own: no organization is involved. The callers have none, hence the 409s.
  'POST /auth/mfa/verify': {
    req: () => ({ path: '/auth/mfa/verify', body: { totpCode: '123456' } }),
    expect: { anonymous: 401, platformAdmin: 409, admin: 409, editor: 409, viewer: 409 },
  },
  'POST /auth/mfa/passkey-challenge': {
    req: () => ({ path: '/auth/mfa/passkey-challenge', body: { purpose: 'reauthenticate' } }),
    expect: { anonymous: 401, platformAdmin: 409, admin: 409, editor: 409, viewer: 409 },
  },
  'POST /auth/reauthenticate': {
    req: () => ({ path: '/auth/reauthenticate', body: { password: PW } }),
    expect: signedIn,
  },
  'GET /auth/mfa': { req: () => ({ path: '/auth/mfa' }), expect: signedIn },
  'POST /auth/mfa/totp': { req: () => ({ path: '/auth/mfa/totp' }), expect: signedIn },
  'POST /auth/mfa/totp/confirm': {
    // A pending secret exists (set up here); a wrong code is refused without enrolling anybody.
    req: async (w, _where, who, s) => {
      if (who !== 'anonymous')
        await s.deps.uow.read.mfa.putPendingTotp({
          userId: w.users[w.email(who)]!,
          secretSealed: s.deps.mfa.secrets.seal('JBSWY3DPEHPK3PXP'),
          confirmedAt: null,
          lastUsedStep: null,
          createdAt: new Date(),
        });
      return { path: '/auth/mfa/totp/confirm', body: { code: 'abcdef' } };
    },
    expect: { anonymous: 401, platformAdmin: 400, admin: 400, editor: 400, viewer: 400 },
  },
  'DELETE /auth/mfa/totp': {
    req: () => ({ path: '/auth/mfa/totp' }),
    expect: { anonymous: 401, platformAdmin: 404, admin: 404, editor: 404, viewer: 404 },
  },
  'POST /auth/mfa/recovery-codes': {
    req: () => ({ path: '/auth/mfa/recovery-codes' }),
    expect: { anonymous: 401, platformAdmin: 409, admin: 409, editor: 409, viewer: 409 },
  },
  'POST /auth/mfa/passkeys/options': { req: () => ({ path: '/auth/mfa/passkeys/options' }), expect: signedIn },
  'POST /auth/mfa/passkeys': {
    req: () => ({ path: '/auth/mfa/passkeys', body: { name: 'Key', response: { id: 'x' } } }),
    expect: { anonymous: 401, platformAdmin: 400, admin: 400, editor: 400, viewer: 400 },
  },
  'PATCH /auth/mfa/passkeys/{id}': {
    req: async (w, where, who, s) => ({
      path: `/auth/mfa/passkeys/${await plantPasskey(s, w, where, who)}`,
      body: { name: 'Renamed' },
    }),
    expect: { anonymous: 401, platformAdmin: own, admin: own, editor: own, viewer: own },
    after: unplant,
  },
  'DELETE /auth/mfa/passkeys/{id}': {
    req: async (w, where, who, s) => ({ path: `/auth/mfa/passkeys/${await plantPasskey(s, w, where, who)}` }),
    expect: {
      anonymous: 401,
      platformAdmin: { inside: 204, outside: 404 },
      admin: { inside: 204, outside: 404 },
      editor: { inside: 204, outside: 404 },
      viewer: { inside: 204, outside: 404 },
    },
    after: unplant,
  },
  'PUT /organizations/{id}/mfa-requirement': {
    // Setting it to what it is (off) changes nothing, so later cells still sign in with a password alone.
    req: (w, where) => ({ path: `/organizations/${w.org[where]}/mfa-requirement`, body: { required: false } }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) },
  },
  'POST /auth/login': {
    req: (w) => ({ path: '/auth/login', body: { email: w.email('viewer'), password: PW } }),
    expect: { anonymous: 200, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  // Passwordless passkey sign-in is open to anyone (it is a sign-in), signed in or not. A malformed answer is refused
  // alike for everyone; a well-formed wrong one would count against the address's sign-in throttle, which every
  // caller here shares. test/server/passkey-sign-in.test.ts covers the ceremony and its refusals.
  'POST /auth/passkey/options': {
    req: () => ({ path: '/auth/passkey/options' }),
    expect: { anonymous: 200, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  'POST /auth/passkey': {
    req: () => ({ path: '/auth/passkey', body: { response: 'not-a-webauthn-response' } }),
    expect: { anonymous: 400, platformAdmin: 400, admin: 400, editor: 400, viewer: 400 },
  },
  'GET /auth/session': {
    req: () => ({ path: '/auth/session' }),
    expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  'POST /auth/logout': {
    req: () => ({ path: '/auth/logout' }),
    expect: { anonymous: 401, platformAdmin: 204, admin: 204, editor: 204, viewer: 204 },
  },
  'PUT /auth/session/organization': {
    req: (w, where) => ({ path: '/auth/session/organization', body: { orgId: w.org[where] } }),
    expect: { anonymous: 401, platformAdmin: 404, admin: member(200), editor: member(200), viewer: member(200) },
  },
  'POST /auth/password': {
    // Changes the caller's own password and straight back, so later cells still sign in with PW.
    req: async (w, _where, who, s) => {
      if (who !== 'anonymous') {
        await s.deps.uow.read.users.update(w.users[w.email(who)]!, {
          passwordHash: await s.deps.hasher.hash(`${PW}-tmp`),
        });
      }
      return { path: '/auth/password', body: { currentPassword: `${PW}-tmp`, newPassword: PW } };
    },
    expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  'GET /auth/sessions': {
    req: () => ({ path: '/auth/sessions' }),
    expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  'DELETE /auth/sessions/{sessionId}': {
    // inside: a session of the caller's own; outside: somebody else's session.
    req: async (w, where, who, s) => {
      const email = w.email(where === 'inside' && who !== 'anonymous' ? who : 'otherAdmin');
      await login(s.app, email, PW);
      const list = await s.deps.uow.read.sessions.listForUser(w.users[email]!);
      return { path: `/auth/sessions/${list.find((x) => !x.revokedAt)!.id.slice(0, 16)}` };
    },
    expect: {
      anonymous: 401,
      platformAdmin: { inside: 204, outside: 404 },
      admin: member(204),
      editor: member(204),
      viewer: member(204),
    },
  },
  'GET /auth/tokens': { req: () => ({ path: '/auth/tokens' }), expect: signedIn },
  'POST /auth/tokens': {
    req: () => ({
      path: '/auth/tokens',
      body: { name: 'matrix', access: ['read'], resources: ['catalogs'], expiresInDays: 7 },
    }),
    expect: { anonymous: 401, platformAdmin: 201, admin: 201, editor: 201, viewer: 201 },
  },
  'DELETE /auth/tokens/{id}': {
    // inside: a token of the caller's own; outside: somebody else's. Administrators may revoke anyone's.
    req: async (w, where, who, s) => {
      const email = w.email(where === 'inside' && who !== 'anonymous' ? who : 'otherAdmin');
      const { apiToken } = await createApiToken(s.deps, sysCtx, w.users[email]!, {
        name: 'matrix',
        orgId: email === 'pa@platform.test' ? null : undefined,
        access: ['read'],
        resources: ['catalogs'],
        expiresInDays: 7,
      });
      return { path: `/auth/tokens/${apiToken.id}` };
    },
    expect: { anonymous: 401, platformAdmin: 204, admin: member(204), editor: member(204), viewer: member(204) },
  },
  'GET /organizations': {
    req: () => ({ path: '/organizations' }),
    expect: { anonymous: 401, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  'POST /organizations': {
    req: () => ({
      path: '/organizations',
      body: { kind: 'agency', slug: `m-${uniq()}`, nameJa: '省', nameEn: 'Ministry' },
    }),
    expect: { anonymous: 401, platformAdmin: 201, admin: 403, editor: 403, viewer: 403 },
  },
  'GET /organizations/{id}': {
    req: (w, where) => ({ path: `/organizations/${w.org[where]}` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(200), viewer: member(200) },
  },
  'PATCH /organizations/{id}': {
    req: (w, where) => ({ path: `/organizations/${w.org[where]}`, body: { nameEn: `Renamed ${uniq()}` } }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) },
  },
  'GET /organizations/{id}/members': {
    req: (w, where) => ({ path: `/organizations/${w.org[where]}/members` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(200), viewer: member(200) },
  },
  'PATCH /organizations/{id}/members/{userId}': {
    req: async (w, where, _who, s) => ({
      path: `/organizations/${w.org[where]}/members/${await throwawayUser(s, w.org[where])}`,
      body: { role: 'editor' },
    }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) },
  },
  'POST /organizations/{id}/invitations': {
    req: (w, where) => ({
      path: `/organizations/${w.org[where]}/invitations`,
      body: { email: `inv-${uniq()}@x.test`, role: 'viewer' },
    }),
    expect: { anonymous: 401, platformAdmin: 201, admin: member(201), editor: member(403), viewer: member(403) },
  },
  'GET /organizations/{id}/invitations': {
    req: (w, where) => ({ path: `/organizations/${w.org[where]}/invitations` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) },
  },
  'DELETE /organizations/{id}/invitations/{invitationId}': {
    req: async (w, where, _who, s) => ({
      path: `/organizations/${w.org[where]}/invitations/${(await invite(s, w.org[where], `inv-${uniq()}@x.test`)).id}`,
    }),
    expect: { anonymous: 401, platformAdmin: 204, admin: member(204), editor: member(403), viewer: member(403) },
  },
  'GET /invitations': { req: () => ({ path: '/invitations' }), expect: signedIn },
  // inside: an invitation addressed to the caller (into a fresh organization); outside: one addressed to someone else.
  'POST /invitations/{id}/accept': {
    req: async (w, where, who, s) => ({ path: `/invitations/${(await inviteFor(s, w, where, who)).id}/accept` }),
    // The platform administrator belongs to no organization in every other row: take back what accepting gave.
    after: dropPlatformAdminMemberships,
    expect: {
      anonymous: 401,
      platformAdmin: { inside: 200, outside: 403 },
      admin: member(200),
      editor: member(200),
      viewer: member(200),
    },
  },
  'POST /invitations/{id}/decline': {
    req: async (w, where, who, s) => ({ path: `/invitations/${(await inviteFor(s, w, where, who)).id}/decline` }),
    expect: {
      anonymous: 401,
      platformAdmin: { inside: 204, outside: 403 },
      admin: member(204),
      editor: member(204),
      viewer: member(204),
    },
  },
  // The link's token is the proof: these answer the same to anyone holding it, signed in or not.
  'POST /invitations/lookup': {
    req: async (w, where, _who, s) => ({
      path: '/invitations/lookup',
      body: { token: (await invite(s, w.org[where], `inv-${uniq()}@x.test`)).token },
    }),
    expect: { anonymous: 200, platformAdmin: 200, admin: 200, editor: 200, viewer: 200 },
  },
  'POST /invitations/register': {
    req: async (w, where, _who, s) => ({
      path: '/invitations/register',
      body: { token: (await invite(s, w.org[where], `new-${uniq()}@x.test`)).token, displayName: 'New', password: PW },
    }),
    expect: { anonymous: 201, platformAdmin: 201, admin: 201, editor: 201, viewer: 201 },
  },
  'DELETE /organizations/{id}/members/{userId}': {
    req: async (w, where, _who, s) => {
      const email = `tmp-${uniq()}@x.test`;
      await createUser(
        s.deps,
        { actor: systemActor, requestId: null },
        { email, displayName: 'tmp', password: PW, memberships: [{ orgId: w.org[where], role: 'viewer' }] },
      );
      const u = await s.deps.uow.read.users.getByEmail(email);
      return { path: `/organizations/${w.org[where]}/members/${u!.id}` };
    },
    expect: { anonymous: 401, platformAdmin: 204, admin: member(204), editor: member(403), viewer: member(403) },
  },
  'GET /organizations/{id}/sso': {
    req: (w, where) => ({ path: `/organizations/${w.org[where]}/sso` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: 404, viewer: 404 },
  },
  'PUT /organizations/{id}/sso': {
    // A public client (no secret) on an address nothing listens on: saving does not contact the provider.
    req: (w, where) => ({
      path: `/organizations/${w.org[where]}/sso`,
      body: {
        issuer: 'http://127.0.0.1:9/matrix',
        clientId: 'matrix',
        allowedDomains: ['matrix.test'],
        defaultRole: 'viewer',
        jitProvisioning: false,
        enabled: false,
      },
    }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: 404, viewer: 404 },
  },
  // Public: anyone may start single sign-on (an organization without it answers 404) and come back from it.
  'POST /auth/sso/start': {
    req: () => ({ path: '/auth/sso/start', body: { organization: 'no-such-organization' } }),
    expect: { anonymous: 404, platformAdmin: 404, admin: 404, editor: 404, viewer: 404 },
  },
  'GET /auth/sso/callback': {
    req: () => ({ path: '/auth/sso/callback?state=unknown-state&code=x' }),
    expect: { anonymous: 302, platformAdmin: 302, admin: 302, editor: 302, viewer: 302 },
  },
  'GET /users': {
    req: () => ({ path: '/users' }),
    expect: { anonymous: 401, platformAdmin: 200, admin: 403, editor: 403, viewer: 403 },
  },
  'POST /users': {
    req: () => ({ path: '/users', body: { email: `u-${uniq()}@x.test`, displayName: 'U', password: PW } }),
    expect: { anonymous: 401, platformAdmin: 201, admin: 403, editor: 403, viewer: 403 },
  },
  'POST /users/{id}/disable': {
    req: async (w, where, _who, s) => ({ path: `/users/${await throwawayUser(s, w.org[where])}/disable` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(403), editor: member(403), viewer: member(403) },
  },
  'POST /users/{id}/enable': {
    req: async (w, where, _who, s) => ({ path: `/users/${await throwawayUser(s, w.org[where])}/enable` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(403), editor: member(403), viewer: member(403) },
  },
  'PUT /users/{id}/password': {
    req: async (w, where, _who, s) => ({
      path: `/users/${await throwawayUser(s, w.org[where])}/password`,
      body: { password: 'reset-password-4567' },
    }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(403), editor: member(403), viewer: member(403) },
  },
  'GET /audit-events': {
    req: (w, where) => ({ path: `/audit-events?orgId=${w.org[where]}` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) },
  },
  'GET /audit-events/export': {
    req: (w, where) => ({ path: `/audit-events/export?orgId=${w.org[where]}` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(403), viewer: member(403) },
  },
  'GET /audit-events/verify': {
    req: () => ({ path: '/audit-events/verify' }),
    expect: { anonymous: 401, platformAdmin: 200, admin: 403, editor: 403, viewer: 403 },
  },
  // Catalogs and mappings: reads for everyone signed in; imports for platform administrators and the secretariat.
  'GET /catalogs': { req: () => ({ path: '/catalogs' }), expect: signedIn },
  'GET /catalogs/{catalog}/editions/{edition}/nodes': {
    req: () => ({ path: '/catalogs/ismap/editions/2024-07/nodes?parent=9.2' }),
    expect: signedIn,
  },
  'GET /catalogs/{catalog}/editions/{edition}/nodes/{nodeId}': {
    req: () => ({ path: '/catalogs/ismap/editions/2024-07/nodes/9.2.3.11.PB' }),
    expect: signedIn,
  },
  'GET /catalogs/{catalog}/diff': {
    req: () => ({ path: '/catalogs/ismap/diff?from=2024-07&to=2024-07' }),
    expect: signedIn,
  },
  'GET /catalogs/{catalog}/editions/{edition}/export': {
    req: () => ({ path: '/catalogs/ismap/editions/2024-07/export?profile=basic' }),
    expect: signedIn,
  },
  'POST /catalogs/{catalog}/import-text': {
    req: () => ({ path: '/catalogs/ismap/import-text', form: textUpload() }),
    expect: { anonymous: 401, platformAdmin: 200, admin: 403, editor: 403, viewer: 403 },
    byKind: secretariatImports(200),
  },
  'GET /search': { req: () => ({ path: '/search?q=9.2.3.11pb' }), expect: signedIn },
  'GET /mappings/paths': { req: () => ({ path: '/mappings/paths?from=9.2.3&to=iso27001-2013' }), expect: signedIn },
  'POST /mappings': {
    req: () => ({
      path: '/mappings',
      body: {
        source: `ismap:${objectives[objective++ % objectives.length]}`,
        target: 'nist-800-53r5:ac-1',
        relationship: 'intersects-with',
      },
    }),
    expect: { anonymous: 401, platformAdmin: 201, admin: 201, editor: 201, viewer: 403 },
  },
  'DELETE /mappings/{id}': {
    // inside: a mapping recorded by the caller's organization; outside: one recorded by another organization.
    req: async (w, where, _who, s) => {
      const m = await addMapping(
        s.deps,
        { actor: w.adminActor(where), requestId: null },
        {
          source: 'ismap:8.1.1',
          target: `nist-800-53r5:cm-${(cmControl++ % 14) + 1}`,
          relationship: 'intersects-with',
        },
      );
      return { path: `/mappings/${m.id}` };
    },
    // Another organization's manual mappings are private to it: not found.
    expect: { anonymous: 401, platformAdmin: 204, admin: member(204), editor: member(403), viewer: member(403) },
  },
  'GET /mapping-sets': { req: () => ({ path: '/mapping-sets' }), expect: signedIn },
  // inside: the caller's organization's own (unpublished) set; outside: another organization's.
  'GET /mapping-sets/{id}/export': {
    req: async (w, where, _who, s) => ({ path: `/mapping-sets/${await ownSet(s, w, where)}/export` }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(200), editor: member(200), viewer: member(200) },
  },
  // Unpublishing a private set changes nothing, so later cells still see both sets private.
  'PATCH /mapping-sets/{id}': {
    req: async (w, where, _who, s) => ({
      path: `/mapping-sets/${await ownSet(s, w, where)}`,
      body: { published: false },
    }),
    expect: { anonymous: 401, platformAdmin: 200, admin: member(403), editor: member(403), viewer: member(403) },
  },
  'POST /mapping-sets/import': {
    req: () => ({ path: '/mapping-sets/import', body: collection() }),
    expect: { anonymous: 401, platformAdmin: 201, admin: 403, editor: 403, viewer: 403 },
    byKind: secretariatImports(201),
  },
  'GET /cloud-services': { req: () => ({ path: '/cloud-services' }), expect: signedIn },
  'POST /cloud-services': {
    req: () => ({ path: '/cloud-services', body: { name: { ja: 'サービス', en: 'Service' }, model: 'saas' } }),
    expect: { anonymous: 401, platformAdmin: 403, admin: 403, editor: 403, viewer: 403 },
    byKind: { csp: { admin: 201, editor: 201, viewer: 403 } },
  },
  'GET /cloud-services/{id}': {
    req: async (w, where, _who, s) => ({ path: `/cloud-services/${(await serviceFor(s, w, where)).service}` }),
    ...readsCsp(200),
  },
  'PATCH /cloud-services/{id}': {
    req: async (w, where, _who, s) => ({
      path: `/cloud-services/${(await serviceFor(s, w, where)).service}`,
      body: { version: 1, track: 'ismap_liu' },
    }),
    ...writesCsp(200),
  },
  'GET /cloud-services/{id}/statements': {
    req: async (w, where, _who, s) => ({
      path: `/cloud-services/${(await serviceFor(s, w, where)).service}/statements`,
    }),
    ...readsCsp(200),
  },
  'POST /cloud-services/{id}/statements': {
    req: async (w, where, _who, s) => ({
      path: `/cloud-services/${(await serviceFor(s, w, where)).service}/statements`,
      body: { catalog: 'ismap', edition: '2024-07' },
    }),
    ...writesCsp(201),
  },
  'GET /statements/{id}': {
    req: async (w, where, _who, s) => ({ path: `/statements/${(await serviceFor(s, w, where)).statement}` }),
    ...readsCsp(200),
  },
  'PATCH /statements/{id}': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}`,
      body: { version: 1, specialNotes: { ja: '特記事項' } },
    }),
    ...writesCsp(200),
  },
  'POST /statements/{id}/transitions': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/transitions`,
      body: { to: 'ready_for_audit' },
    }),
    ...writesCsp(200),
  },
  // One bundled ISMAP edition: moving to it is refused as the same edition (400) once authorization has passed.
  'POST /statements/{id}/migrate': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/migrate`,
      body: { edition: '2024-07', dryRun: true },
    }),
    ...writesCsp(400),
  },
  'GET /statements/{id}/attention': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/attention`,
    }),
    ...readsCsp(200),
  },
  // The statement carries one attention row, as an applied edition migration leaves it.
  'PATCH /statements/{id}/attention/{seq}': {
    req: async (w, where, _who, s) => {
      const { statement } = await serviceFor(s, w, where);
      await s.deps.uow.transaction((r) =>
        r.statements.replaceAttention(statement, [
          {
            seq: 0,
            reason: 'added',
            itemId: '5.1.1',
            fromId: null,
            fromEdition: '2022-04',
            toEdition: '2024-07',
            migratedAt: new Date().toISOString(),
            doneAt: null,
            doneBy: null,
          },
        ]),
      );
      return { path: `/statements/${statement}/attention/0`, body: { done: true } };
    },
    ...writesCsp(200),
  },
  'GET /statements/{id}/items': {
    req: async (w, where, _who, s) => ({ path: `/statements/${(await serviceFor(s, w, where)).statement}/items` }),
    ...readsCsp(200),
  },
  'GET /statements/{id}/items/{itemId}': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/items/9.2.3.11.PB`,
    }),
    ...readsCsp(200),
  },
  'PUT /statements/{id}/items/{itemId}': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/items/5.1.1`,
      body: itemBody,
    }),
    ...writesCsp(200),
  },
  'POST /statements/{id}/items/bulk': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/items/bulk`,
      body: { itemIds: ['5.1.1', '5.1.2'], set: { status: 'planned' } },
    }),
    ...writesCsp(200),
  },
  'GET /statements/{id}/readiness': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/readiness`,
    }),
    ...readsCsp(200),
  },
  'GET /statements/{id}/export.xlsx': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/export.xlsx`,
    }),
    ...readsCsp(200),
  },
  'GET /statements/{id}/export.oscal.json': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/export.oscal.json`,
    }),
    ...readsCsp(200),
  },
  'GET /statements/{id}/report.pdf': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/report.pdf?lang=en`,
    }),
    ...readsCsp(200),
  },
  'GET /statements/{id}/blockers.csv': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/blockers.csv`,
    }),
    ...readsCsp(200),
  },
  // Not a workbook: refused as a file with problems (422) once the caller may edit the statement.
  'POST /statements/{id}/import': {
    req: async (w, where, _who, s) => {
      const form = new FormData();
      form.set('file', new Blob(['not a workbook']), 'statement.xlsx');
      form.set('dryRun', 'true');
      return { path: `/statements/${(await serviceFor(s, w, where)).statement}/import`, form };
    },
    ...writesCsp(422),
  },
  // Evidence is the owning CSP's alone: every other organization and platform administrators get 404.
  'GET /evidence': {
    req: () => ({ path: '/evidence' }),
    expect: { anonymous: 401, platformAdmin: 403, admin: 200, editor: 200, viewer: 200 },
  },
  'POST /evidence': {
    req: () => ({ path: '/evidence', form: evidenceUpload() }),
    expect: { anonymous: 401, platformAdmin: 403, admin: 403, editor: 403, viewer: 403 },
    byKind: { csp: { admin: 201, editor: 201, viewer: 403 } },
  },
  'GET /evidence/{id}': {
    req: async (w, where, _who, s) => ({ path: `/evidence/${(await evidenceFor(s, w, where)).evidence}` }),
    ...readsCsp(200),
  },
  'PATCH /evidence/{id}': {
    req: async (w, where, _who, s) => ({
      path: `/evidence/${(await evidenceFor(s, w, where)).evidence}`,
      body: { version: 1, owner: '情報システム部' },
    }),
    ...writesCsp(200),
  },
  // The linked statement is a draft without a period: no open audit period holds the evidence.
  'POST /evidence/{id}/retire': {
    req: async (w, where, _who, s) => ({
      path: `/evidence/${(await evidenceFor(s, w, where)).evidence}/retire`,
      body: { version: 1, reason: 'replaced' },
    }),
    ...writesCsp(200),
  },
  'POST /evidence/{id}/versions': {
    req: async (w, where, _who, s) => ({
      path: `/evidence/${(await evidenceFor(s, w, where)).evidence}/versions`,
      form: evidenceUpload(false),
    }),
    ...writesCsp(201),
  },
  'GET /evidence/{id}/versions/{number}/content': {
    req: async (w, where, _who, s) => ({
      path: `/evidence/${(await evidenceFor(s, w, where)).evidence}/versions/1/content`,
    }),
    ...readsCsp(200),
  },
  'POST /evidence/{id}/links': {
    req: async (w, where, _who, s) => {
      const e = await evidenceFor(s, w, where);
      return { path: `/evidence/${e.evidence}/links`, body: { statementId: e.statement, itemId: '5.1.1.1' } };
    },
    ...writesCsp(200),
  },
  'POST /evidence/{id}/links/remove': {
    req: async (w, where, _who, s) => {
      const e = await evidenceFor(s, w, where);
      return { path: `/evidence/${e.evidence}/links/remove`, body: { statementId: e.statement, itemId: '5.1.1' } };
    },
    ...writesCsp(200),
  },
  'GET /statements/{id}/evidence-freshness': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await evidenceFor(s, w, where)).statement}/evidence-freshness`,
    }),
    ...readsCsp(200),
  },
  // Gap imports (an SoA or SSP and its proposals) are the importing CSP's alone: no other organization, audit firm
  // or platform administrator reaches them, and viewers read but neither import nor decide.
  'POST /statements/{id}/gap-imports': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/gap-imports`,
      form: soaUpload(),
    }),
    ...writesCsp(200),
  },
  'GET /statements/{id}/gap-imports': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await gapImportFor(s, w, where)).statement}/gap-imports`,
    }),
    ...readsCsp(200),
  },
  'GET /gap-imports/{id}': {
    req: async (w, where, _who, s) => ({ path: `/gap-imports/${(await gapImportFor(s, w, where)).gap}` }),
    ...readsCsp(200),
  },
  'POST /gap-imports/{id}/accept-bulk': {
    req: async (w, where, _who, s) => ({
      path: `/gap-imports/${(await gapImportFor(s, w, where)).gap}/accept-bulk`,
      body: {},
    }),
    ...writesCsp(200),
  },
  'POST /gap-imports/{id}/decisions': {
    req: async (w, where, _who, s) => ({
      path: `/gap-imports/${(await gapImportFor(s, w, where)).gap}/decisions`,
      body: { proposalId: '5.1.1|A.5.1.1', decision: 'reject' },
    }),
    ...writesCsp(200),
  },
  'GET /gap-imports/{id}/report': {
    req: async (w, where, _who, s) => ({ path: `/gap-imports/${(await gapImportFor(s, w, where)).gap}/report` }),
    ...readsCsp(200),
  },
  'GET /gap-imports/{id}/report.xlsx': {
    req: async (w, where, _who, s) => ({
      path: `/gap-imports/${(await gapImportFor(s, w, where)).gap}/report.xlsx`,
    }),
    ...readsCsp(200),
  },
  'GET /gap-imports/{id}/report.csv': {
    req: async (w, where, _who, s) => ({
      path: `/gap-imports/${(await gapImportFor(s, w, where)).gap}/report.csv`,
    }),
    ...readsCsp(200),
  },
  // The remediation plan is the owning CSP's alone, like its statement: 404 for everyone else.
  'GET /statements/{id}/remediation': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/remediation`,
    }),
    ...readsCsp(200),
  },
  'POST /statements/{id}/remediation': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/remediation`,
      body: { title: 'Write the policy', risk: 'high', plannedCompletion: '2026-12-31' },
    }),
    ...writesCsp(201),
  },
  // A new draft has no audit period: its period_missing blocker is there to plan for.
  'POST /statements/{id}/remediation/from-blocker': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/remediation/from-blocker`,
      body: { rule: 'period_missing', itemId: null },
    }),
    ...writesCsp(201),
  },
  'GET /statements/{id}/remediation/export.oscal.json': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await remediationFor(s, w, where)).statement}/remediation/export.oscal.json`,
    }),
    ...readsCsp(200),
  },
  'POST /statements/{id}/remediation/import': {
    req: async (w, where, _who, s) => ({
      path: `/statements/${(await serviceFor(s, w, where)).statement}/remediation/import`,
      body: poamDoc(),
    }),
    ...writesCsp(200),
  },
  'GET /remediation/{id}': {
    req: async (w, where, _who, s) => ({ path: `/remediation/${(await remediationFor(s, w, where)).item}` }),
    ...readsCsp(200),
  },
  'PATCH /remediation/{id}': {
    req: async (w, where, _who, s) => ({
      path: `/remediation/${(await remediationFor(s, w, where)).item}`,
      body: { version: 1, owner: '情報システム部' },
    }),
    ...writesCsp(200),
  },
  'DELETE /remediation/{id}': {
    req: async (w, where, _who, s) => ({ path: `/remediation/${(await remediationFor(s, w, where)).item}` }),
    ...writesCsp(200),
  },
  'POST /remediation/{id}/moves': {
    req: async (w, where, _who, s) => ({
      path: `/remediation/${(await remediationFor(s, w, where)).item}/moves`,
      body: { version: 1, to: 'in_progress' },
    }),
    ...writesCsp(200),
  },
};

describe('authorization matrix', () => {
  let s: TestServer;
  const worlds = {} as Record<OrgKind, World>;
  let endpoints: string[] = [];

  beforeAll(async () => {
    s = await startTestServer();
    const sys = { actor: systemActor, requestId: null };
    const users: Record<string, string> = {};
    const mk = async (email: string, extra: Parameters<typeof createUser>[2] extends infer T ? Partial<T> : never) => {
      users[email] = (await createUser(s.deps, sys, { email, displayName: email, password: PW, ...extra })).id;
    };
    await mk('pa@platform.test', { isPlatformAdmin: true });
    await mk('spare@x.test', {});
    // One organization of each kind, with an admin, an editor and a viewer; the organization of the next kind is
    // the one 'outside' the caller's.
    const orgs = {} as Record<OrgKind, string>;
    const domain = (kind: OrgKind) => `${kind.replace('_', '-')}.test`;
    for (const kind of orgKinds) {
      orgs[kind] = (
        await createOrganization(s.deps, sys, {
          kind,
          slug: `org-${domain(kind).slice(0, -5)}`,
          nameJa: `${kind}組織`,
          nameEn: kind,
        })
      ).id;
      for (const role of ['admin', 'editor', 'viewer'] as const)
        await mk(`${role}@${domain(kind)}`, { memberships: [{ orgId: orgs[kind], role }] });
    }
    for (const [i, kind] of orgKinds.entries()) {
      const other = orgKinds[(i + 1) % orgKinds.length]!;
      const email = (who: Person) =>
        who === 'platformAdmin'
          ? 'pa@platform.test'
          : who === 'spare'
            ? 'spare@x.test'
            : who === 'otherAdmin'
              ? `admin@${domain(other)}`
              : `${who}@${domain(kind)}`;
      worlds[kind] = {
        kind,
        org: { inside: orgs[kind], outside: orgs[other] },
        users,
        email,
        adminActor: (where) => {
          const [orgKind, who] = where === 'inside' ? [kind, 'admin' as const] : [other, 'otherAdmin' as const];
          const orgId = orgs[orgKind];
          return {
            userId: users[email(who)]!,
            isPlatformAdmin: false,
            memberships: [{ orgId, orgKind, role: 'admin' }],
            activeOrgId: orgId,
          };
        },
      };
    }
    cspOrgs.main = orgs.csp;
    cspOrgs.other = (
      await createOrganization(s.deps, sys, { kind: 'csp', slug: 'org-other-csp', nameJa: '他社', nameEn: 'Other CSP' })
    ).id;
    await syncBundledCatalogs(s.deps, sys, await loadBundledContent());
    const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    endpoints = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has a row for every endpoint in the OpenAPI document, and no stale rows', () => {
    expect(endpoints.length).toBeGreaterThan(10);
    expect([...endpoints].sort()).toEqual(Object.keys(rows).sort());
  });

  for (const [endpoint, row] of Object.entries(rows)) {
    for (const kind of orgKinds) {
      for (const who of whos) {
        // Callers in no organization do not depend on the kind: their cells run with the first kind only.
        if ((who === 'anonymous' || who === 'platformAdmin') && kind !== orgKinds[0]) continue;
        const label = who === 'anonymous' || who === 'platformAdmin' ? who : `${kind} ${who}`;
        for (const where of ['inside', 'outside'] as const) {
          it(`${endpoint} as ${label}, ${where} own organization`, async () => {
            const w = worlds[kind];
            const [method] = endpoint.split(' ');
            // A fresh session per cell: logout and session revocation must not spoil the next cell.
            const caller: Caller | null = who === 'anonymous' ? null : await login(s.app, w.email(who), PW);
            const { path, body, form } = await row.req(w, where, who, s);
            const res = await call(s.app, method!, path, { as: caller, body, ...(form ? { form } : {}) }).finally(() =>
              row.after?.(s),
            );
            const e = row.byKind?.[kind]?.[who] ?? row.expect[who];
            const expected = typeof e === 'number' ? e : e[where];
            expect(res.status, JSON.stringify(res.json)).toBe(expected);
            if (expected >= 400) expect(res.json.error?.code).toBeTypeOf('string');
          });
        }
      }
    }
  }

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const caller = await login(s.app, 'pa@platform.test', PW);
    const res = await call(s.app, 'POST', '/organizations', {
      as: caller,
      csrf: false,
      body: { kind: 'agency', slug: `csrf-${uniq()}`, nameJa: 'x', nameEn: 'x' },
    });
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe('csrf_failed');
  });

  it('returns abilities with each organization', async () => {
    const caller = await login(s.app, 'editor@csp.test', PW);
    const res = await call(s.app, 'GET', `/organizations/${worlds.csp.org.inside}`, { as: caller });
    expect(res.json.abilities).toEqual({
      read: true,
      viewMembers: true,
      update: false,
      manageMembers: false,
      viewAudit: false,
    });
  });
});
