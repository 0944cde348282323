import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { actorIn, storeEdition } from '../support/statements';
import { smallEdition } from '../../src/core/statement/test-criteria';
import { makeNode } from '../../src/core/catalog/model';
import { createCloudService } from '../../src/app/use-cases/cloud-services/create-cloud-service';
import { updateCloudService } from '../../src/app/use-cases/cloud-services/update-cloud-service';
import { createStatement } from '../../src/app/use-cases/statements/create-statement';
import { putStatementItem, type PutStatementItemInput } from '../../src/app/use-cases/statements/put-statement-item';
import { bulkUpdateItems } from '../../src/app/use-cases/statements/bulk-update-items';
import { getStatement } from '../../src/app/use-cases/statements/get-statement';
import { transitionStatement } from '../../src/app/use-cases/statements/transition-statement';
import { updateStatement } from '../../src/app/use-cases/statements/update-statement';
import { migrateStatementEdition } from '../../src/app/use-cases/statements/migrate-statement-edition';
import { statementCriteria } from '../../src/core/statement/criteria';
import { Readiness } from '../../src/core/statement/readiness';
import { DomainError } from '../../src/core/errors';
import { digestOf } from '../../src/core/audit-chain';
import type { AppDeps } from '../../src/app/context';
import type { Actor } from '../../src/core/identity';

const answer = (over: Partial<PutStatementItemInput> = {}): PutStatementItemInput => ({
  version: 0,
  selection: null,
  reason: null,
  inheritedFrom: null,
  status: 'implemented',
  owner: '山田',
  control: { ja: '当社は…' },
  ...over,
});

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
};

describeEachEngine('statement use cases', (engine) => {
  let edition = 0;
  /** A fresh catalog per test (its own name), a CSP editor, a service with one underlying IaaS, and a statement. */
  const setup = async (deps: AppDeps = testDeps(engine())) => {
    const catalog = `ismap-t${edition++}`;
    await storeEdition(deps, { ...smallEdition('2024-07'), catalog });
    const actor = await actorIn(deps);
    const ctx = { actor, requestId: 't' };
    const service = await createCloudService(deps, ctx, { name: { ja: 'デモ', en: 'Demo' }, model: 'saas' });
    await updateCloudService(deps, ctx, service.id, {
      version: 1,
      scope: {
        subServices: [],
        underlying: [{ id: 'iaas', name: 'IaaS', provider: 'P', registrationNumber: null }],
        regions: ['Tokyo'],
        systemOverview: {},
        logicalStructure: {},
        populations: {},
      },
    });
    const st = await createStatement(deps, ctx, service.id, {
      catalog,
      edition: '2024-07',
      period: { start: '2025-04-01', end: '2026-03-31' },
    });
    return { deps, ctx, actor, catalog, service, st };
  };

  /** The cached readiness must equal one built from scratch over what is stored. */
  const expectCurrent = async (deps: AppDeps, actor: Actor, id: string) => {
    const { view, statement, service } = await getStatement(deps, { actor, requestId: null }, id);
    const snap = await deps.catalogCache.get(deps.uow);
    const fresh = new Readiness(
      statementCriteria(snap.edition(statement.catalog, statement.edition)!),
      await deps.uow.read.statements.items(id),
      service.scope.underlying,
      statement.period,
      statement.previousPeriod,
    );
    expect(view.readiness.summary()).toEqual(fresh.summary());
    return view;
  };

  it('writes an answer with its version and digest, refuses a stale version with the stored answer', async () => {
    const { deps, ctx, actor, st } = await setup();
    const before = (await expectCurrent(deps, actor, st.id)).readiness.summary();
    const { answer: a } = await putStatementItem(deps, ctx, st.id, '3.1.2.1', answer());
    expect(a).toMatchObject({ version: 1, status: 'implemented', criteriaDigest: expect.any(String) });
    const after = (await expectCurrent(deps, actor, st.id)).readiness.summary();
    expect(after.total.ready).toBe(before.total.ready + 1);
    const e = await refusal(putStatementItem(deps, ctx, st.id, '3.1.2.1', answer({ control: { ja: '別の文' } })));
    expect([e.code, e.reason, e.details?.current]).toEqual(['conflict', 'item_version_conflict', a]);
    expect((await deps.uow.read.statements.item(st.id, '3.1.2.1'))?.control).toEqual({ ja: '当社は…' });
    const { answer: b } = await putStatementItem(
      deps,
      ctx,
      st.id,
      '3.1.2.1',
      answer({ version: 1, status: 'planned' }),
    );
    expect(b.version).toBe(2);
    await expectCurrent(deps, actor, st.id);
  });

  it('refuses structure errors with issue codes and writes nothing', async () => {
    const { deps, ctx, st } = await setup();
    const e = await refusal(putStatementItem(deps, ctx, st.id, '9.2.3.1', answer({ selection: 'excluded' })));
    expect([e.code, e.reason, e.issues?.map((i) => i.code)]).toEqual([
      'validation_failed',
      'answer_invalid',
      ['selection_exclude_objective_only'],
    ]);
    const u = await refusal(
      putStatementItem(deps, ctx, st.id, '9.2.3', answer({ selection: 'inherited', inheritedFrom: 'nope' })),
    );
    expect(u.issues?.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['inherited_from_unknown', 'body.inheritedFrom'],
    ]);
    const missing = await refusal(putStatementItem(deps, ctx, st.id, '99.9', answer()));
    expect([missing.code, missing.reason]).toEqual(['not_found', 'statement_item_not_found']);
    expect(await deps.uow.read.statements.items(st.id)).toEqual([]);
    expect(await deps.uow.read.statements.itemsRevision(st.id)).toBe(0);
  });

  it('bulk-changes items in one transaction with one audit event listing digests; one bad item refuses all', async () => {
    const { deps, ctx, actor, st } = await setup();
    const ids = ['3.1.2.1', '3.1.2.2', '4.4.1.1', '9.2.3', '9.2.3.2.B'];
    const countBefore = await deps.uow.read.audit.count();
    const res = await bulkUpdateItems(deps, ctx, st.id, {
      itemIds: ids,
      set: { status: 'implemented', owner: '佐藤' },
    });
    expect(res.changed).toBe(5);
    expect(await deps.uow.read.audit.count()).toBe(countBefore + 1);
    const [ev] = await deps.uow.read.audit.query({ action: 'statement.bulk_update', targetId: st.id, limit: 5 });
    const stored = await deps.uow.read.statements.itemsById(st.id, ids);
    expect(ev?.details).toMatchObject({ count: 5 });
    const listed = (ev?.details.items as { itemId: string; before: string | null; after: string }[]).map(
      (x) => x.itemId,
    );
    expect(listed).toEqual(ids);
    const item = (ev?.details.items as { itemId: string; after: string }[]).find((x) => x.itemId === '9.2.3')!;
    expect(item.after).toBe(digestOf(stored.find((a) => a.itemId === '9.2.3')));
    await expectCurrent(deps, actor, st.id);

    const e = await refusal(
      bulkUpdateItems(deps, ctx, st.id, {
        itemIds: ['9.2.3.1', '9.2.3.2.B', 'x.y'],
        set: { selection: 'not_selected' },
      }),
    );
    expect([e.reason, e.issues?.map((i) => i.code)]).toEqual(['bulk_update_refused', ['item_unknown']]);
    const e2 = await refusal(
      bulkUpdateItems(deps, ctx, st.id, { itemIds: ['9.2.3.1', '9.2.3.2.B'], set: { selection: 'not_selected' } }),
    );
    expect(e2.issues?.map((i) => i.code)).toEqual(['selection_required_item']);
    expect(await deps.uow.read.statements.item(st.id, '9.2.3.1')).toBeNull();
    expect(await deps.uow.read.audit.count()).toBe(countBefore + 1);
  });

  it('keeps two servers right: a write through one is seen by the other (items revision)', async () => {
    const { deps, ctx, actor, st } = await setup();
    const other = testDeps(engine());
    await expectCurrent(deps, actor, st.id);
    await expectCurrent(other, actor, st.id);
    await putStatementItem(other, ctx, st.id, '9.2.3', answer({ selection: 'excluded', reason: null }));
    const v = await expectCurrent(deps, actor, st.id);
    expect(v.readiness.item('9.2.3')?.selection).toBe('excluded');
    expect(v.readiness.item('9.2.3.2.B')?.selection).toBe('exempted');
    // The scope changed on the other server: inherited items are judged against the new registration number.
    await putStatementItem(deps, ctx, st.id, '9.2.4', answer({ selection: 'inherited', inheritedFrom: 'iaas' }));
    expect((await expectCurrent(other, actor, st.id)).readiness.item('9.2.4')?.blockers.map((b) => b.rule)).toEqual([
      'inherited_without_registration',
    ]);
    const svc = await deps.uow.read.cloudServices.get(st.serviceId);
    await updateCloudService(other, ctx, st.serviceId, {
      version: svc!.version,
      scope: {
        ...svc!.scope,
        underlying: [{ id: 'iaas', name: 'IaaS', provider: 'P', registrationNumber: 'C21-0001-1' }],
      },
    });
    expect((await expectCurrent(deps, actor, st.id)).readiness.item('9.2.4')?.blockers).toEqual([]);
  });

  it('under audit edits only with a recorded change reason; audited statements refuse every change', async () => {
    const { deps, ctx, st } = await setup();
    await transitionStatement(deps, ctx, st.id, { to: 'ready_for_audit' });
    await transitionStatement(deps, ctx, st.id, { to: 'under_audit' });
    const e = await refusal(putStatementItem(deps, ctx, st.id, '3.1.2.1', answer()));
    expect([e.code, e.reason]).toEqual(['validation_failed', 'change_reason_required']);
    const unrecorded = await refusal(
      putStatementItem(deps, ctx, st.id, '3.1.2.1', answer({ changeReason: '監査人の指摘により修正' })),
    );
    expect([unrecorded.code, unrecorded.reason]).toEqual(['validation_failed', 'revision_required']);
    await putStatementItem(
      deps,
      ctx,
      st.id,
      '3.1.2.1',
      answer({ changeReason: '監査人の指摘により修正', revision: { effectiveDate: '2025-06-01', note: null } }),
    );
    const [ev] = await deps.uow.read.audit.query({ action: 'statement.item_update', targetId: st.id, limit: 1 });
    expect(ev?.details).toMatchObject({ changeReason: '監査人の指摘により修正', recordedChange: true });
    const bad = await refusal(transitionStatement(deps, ctx, st.id, { to: 'draft' }));
    expect([bad.code, bad.reason]).toEqual(['invalid_transition', 'statement_transition']);
    await transitionStatement(deps, ctx, st.id, { to: 'audited' });
    const frozen = await refusal(putStatementItem(deps, ctx, st.id, '3.1.2.2', answer({ changeReason: 'x' })));
    expect([frozen.code, frozen.reason]).toEqual(['conflict', 'statement_frozen']);
    const cur = await deps.uow.read.statements.get(st.id);
    const h = await refusal(updateStatement(deps, ctx, st.id, { version: cur!.version, specialNotes: { ja: 'x' } }));
    expect(h.reason).toBe('statement_frozen');
    const stale = await refusal(
      bulkUpdateItems(deps, ctx, st.id, { itemIds: ['3.1.2.2'], set: { status: 'planned' }, changeReason: 'x' }),
    );
    expect(stale.reason).toBe('statement_frozen');
  });

  it('refuses a stale header version and another organization (404), and viewers (403)', async () => {
    const { deps, ctx, st } = await setup();
    const e = await refusal(updateStatement(deps, ctx, st.id, { version: 99, specialNotes: { ja: 'x' } }));
    expect([e.code, e.reason]).toEqual(['conflict', 'statement_version_conflict']);
    const stranger = await actorIn(deps);
    const nf = await refusal(putStatementItem(deps, { actor: stranger, requestId: null }, st.id, '3.1.2.1', answer()));
    expect(nf.code).toBe('not_found');
    const auditor = await actorIn(deps, 'audit_firm', 'admin');
    expect((await refusal(getStatement(deps, { actor: auditor, requestId: null }, st.id))).code).toBe('not_found');
    const viewer = { ...ctx.actor, memberships: [{ ...ctx.actor.memberships[0]!, role: 'viewer' as const }] };
    expect(
      (await refusal(putStatementItem(deps, { actor: viewer, requestId: null }, st.id, '3.1.2.1', answer()))).code,
    ).toBe('forbidden');
  });

  it('migrates to a new edition through the succession set: carries answers, lists what needs attention', async () => {
    const { deps, ctx, actor, catalog, st } = await setup();
    await putStatementItem(deps, ctx, st.id, '9.2.4.1', answer({ selection: 'selected' }));
    await putStatementItem(deps, ctx, st.id, '3.1.2.1', answer());
    await putStatementItem(deps, ctx, st.id, '9.2.3.1', answer({ selection: 'not_selected', reason: '対象外' }));
    // 2025-01: 9.2.4.1 renamed 9.2.4.9, 3.1.2.1 reworded, 9.2.3.1 removed, 9.2.5 added.
    const base = smallEdition('2025-01', [
      makeNode({
        id: '9.2.5',
        kind: 'objective',
        depth: 0,
        parentId: '9.2',
        position: 0,
        props: { tier: 'controls' },
        title: { en: 'new' },
      }),
    ]);
    const nodes = base.nodes
      .filter((n) => n.id !== '9.2.3.1')
      .map((n) =>
        n.id === '9.2.4.1' ? { ...n, id: '9.2.4.9' } : n.id === '3.1.2.1' ? { ...n, title: { en: 'reworded' } } : n,
      );
    await storeEdition(deps, { ...base, catalog, nodes });
    const set = `succession:${catalog}:2024-07→2025-01`;
    await deps.uow.transaction(async (r) => {
      await r.mappings.putSet({
        id: set,
        title: set,
        description: '',
        provenance: 'test',
        source: 'import',
        orgId: null,
        contentHash: null,
        updatedAt: new Date(),
      });
      await r.mappings.insert(
        nodes.map((n, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          setId: set,
          source: `${catalog}:2025-01:${n.id}`,
          target: `${catalog}:2024-07:${n.id === '9.2.4.9' ? '9.2.4.1' : n.id}`,
          relationship: 'equal' as const,
          provenance: { document: 'test', method: 'derived' as const },
          confidence: 1,
          createdBy: null,
          createdAt: new Date(),
        })),
      );
    });
    const dry = await migrateStatementEdition(deps, ctx, st.id, { edition: '2025-01', dryRun: true });
    expect(dry).toMatchObject({ applied: false, carried: 2, succession: set });
    expect(dry.attention.map((a) => `${a.reason} ${a.itemId ?? a.fromId}`).sort()).toEqual([
      'added 9.2.5',
      'removed 9.2.3.1',
      'text_changed 3.1.2.1',
    ]);
    expect((await deps.uow.read.statements.get(st.id))?.edition).toBe('2024-07');
    const applied = await migrateStatementEdition(deps, ctx, st.id, { edition: '2025-01', dryRun: false });
    expect(applied.applied).toBe(true);
    expect((await deps.uow.read.statements.get(st.id))?.edition).toBe('2025-01');
    expect((await deps.uow.read.statements.item(st.id, '9.2.4.9'))?.selection).toBe('selected');
    const v = await expectCurrent(deps, actor, st.id);
    expect(v.answers.get('9.2.4.9')?.owner).toBe('山田');
  });
});
