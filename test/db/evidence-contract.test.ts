import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { systemActor } from '../../src/core/identity';
import type { Evidence, EvidenceVersion } from '../../src/core/evidence/model';
import { emptyScope } from '../../src/core/statement/model';

const sys = { actor: systemActor, requestId: 'test' };
const at = '2026-04-01T00:00:00.000Z';
const sha = (c: string) => c.repeat(64).slice(0, 64);

const evidenceOf = (orgId: string, over: Partial<Evidence> = {}): Evidence => ({
  id: randomUUID(),
  orgId,
  title: { ja: '情報セキュリティ基本方針', en: 'Information security policy' },
  kind: 'policy',
  effectiveFrom: '2025-04-01',
  effectiveTo: null,
  owner: 'CISO',
  tags: ['governance', '方針'],
  confidentiality: 'internal',
  reviewFrequency: 'yearly',
  reviewedOn: '2025-04-01',
  currentVersion: 0,
  retiredAt: null,
  retiredBy: null,
  retireReason: null,
  version: 1,
  createdAt: at,
  createdBy: null,
  updatedAt: at,
  ...over,
});

const versionOf = (e: Evidence, number: number, c: string): EvidenceVersion => ({
  evidenceId: e.id,
  number,
  sha256: sha(c),
  size: 1234 + number,
  mediaType: 'application/pdf',
  fileName: `方針 v${number}.pdf`,
  note: null,
  uploadedAt: at,
  uploadedBy: null,
});

describeEachEngine('evidence repository', (engine) => {
  const setup = async () => {
    const deps = testDeps(engine());
    const org = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: `csp-${randomUUID().slice(0, 8)}`,
      nameJa: 'CSP',
      nameEn: 'CSP',
    });
    return { deps, org };
  };

  it('stores an evidence as written, lists an organization’s own only, and hides retired ones unless asked', async () => {
    const { deps, org } = await setup();
    const other = await setup();
    const a = evidenceOf(org.id);
    const b = evidenceOf(org.id, { title: { ja: 'ログ', en: 'Access log' }, kind: 'record_log', tags: [] });
    await deps.uow.transaction(async (r) => {
      await r.evidence.insert(a);
      await r.evidence.insert(b);
      await r.evidence.insert(evidenceOf(other.org.id));
    });
    expect(await deps.uow.read.evidence.get(a.id)).toEqual(a);
    expect((await deps.uow.read.evidence.listForOrg(org.id)).map((e) => e.id)).toEqual([b.id, a.id]);
    const retired = { ...b, retiredAt: at, retiredBy: null, retireReason: 'replaced', version: 2 };
    await deps.uow.transaction(async (r) => {
      expect((await r.evidence.lock(b.id))?.id).toBe(b.id);
      await r.evidence.update(retired);
    });
    expect((await deps.uow.read.evidence.listForOrg(org.id)).map((e) => e.id)).toEqual([a.id]);
    expect(await deps.uow.read.evidence.listForOrg(org.id, { includeRetired: true })).toEqual([retired, a]);
    expect(await deps.uow.read.evidence.get(randomUUID())).toBeNull();
  });

  it('keeps every version; a version number is taken once', async () => {
    const { deps, org } = await setup();
    const e = evidenceOf(org.id);
    await deps.uow.transaction(async (r) => {
      await r.evidence.insert(e);
      await r.evidence.insertVersion(versionOf(e, 1, 'a'));
      await r.evidence.insertVersion(versionOf(e, 2, 'b'));
    });
    expect(await deps.uow.read.evidence.versions(e.id)).toEqual([versionOf(e, 1, 'a'), versionOf(e, 2, 'b')]);
    expect(await deps.uow.read.evidence.getVersion(e.id, 2)).toEqual(versionOf(e, 2, 'b'));
    expect(await deps.uow.read.evidence.getVersion(e.id, 3)).toBeNull();
    await expect(deps.uow.transaction((r) => r.evidence.insertVersion(versionOf(e, 2, 'c')))).rejects.toThrow();
    expect(await deps.uow.read.evidence.blobReferenced(sha('a'))).toBe(true);
    expect(await deps.uow.read.evidence.blobReferenced(sha('c'))).toBe(false);
    const refs = await deps.uow.read.evidence.referencedBlobs();
    expect(refs.find((b) => b.sha256 === sha('b'))).toEqual({
      sha256: sha('b'),
      size: 1236,
      versions: [{ evidenceId: e.id, number: 2 }],
    });
  });

  it('links evidence and statement items many to many, once each', async () => {
    const { deps, org } = await setup();
    const e1 = evidenceOf(org.id);
    const e2 = evidenceOf(org.id);
    const serviceId = randomUUID();
    const statementId = randomUUID();
    await deps.uow.transaction(async (r) => {
      await r.evidence.insert(e1);
      await r.evidence.insert(e2);
      await r.cloudServices.insert({
        id: serviceId,
        orgId: org.id,
        name: { ja: 'S', en: 'S' },
        model: 'saas',
        track: 'ismap',
        scope: emptyScope(),
        owners: [],
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      await r.statements.insert({
        id: statementId,
        orgId: org.id,
        serviceId,
        catalog: 'ismap',
        edition: '2024-07',
        period: null,
        previousPeriod: null,
        state: 'draft',
        subsequentEvents: {},
        specialNotes: {},
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    });
    const link = (evidenceId: string, itemId: string) => ({
      evidenceId,
      statementId,
      itemId,
      linkedAt: at,
      linkedBy: null,
    });
    await deps.uow.transaction(async (r) => {
      expect(await r.evidence.link(link(e1.id, '5.1.1.P'))).toBe(true);
      expect(await r.evidence.link(link(e1.id, '5.1.1.P'))).toBe(false);
      expect(await r.evidence.link(link(e1.id, '8.2.1'))).toBe(true);
      expect(await r.evidence.link(link(e2.id, '5.1.1.P'))).toBe(true);
    });
    expect((await deps.uow.read.evidence.linksOfEvidence(e1.id)).map((l) => l.itemId)).toEqual(['5.1.1.P', '8.2.1']);
    expect(
      (await deps.uow.read.evidence.linksOfStatement(statementId)).map((l) => [l.itemId, l.evidenceId === e1.id]),
    ).toEqual([
      ['5.1.1.P', e1.id < e2.id],
      ['5.1.1.P', e1.id > e2.id],
      ['8.2.1', true],
    ]);
    await deps.uow.transaction(async (r) => {
      expect(await r.evidence.unlink(e1.id, statementId, '8.2.1')).toBe(true);
      expect(await r.evidence.unlink(e1.id, statementId, '8.2.1')).toBe(false);
    });
    expect(await deps.uow.read.evidence.linksOfEvidence(e1.id)).toEqual([link(e1.id, '5.1.1.P')]);
  });
});
