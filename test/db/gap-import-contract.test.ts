import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { systemActor } from '../../src/core/identity';
import type { GapImport } from '../../src/core/gap/gap-import';
import type { Proposal } from '../../src/core/gap/proposals';
import { emptyScope } from '../../src/core/statement/model';

const sys = { actor: systemActor, requestId: 'test' };
const at = '2026-04-01T00:00:00.000Z';

const proposal = (itemId: string, sourceId: string, over: Partial<Proposal> = {}): Proposal => ({
  id: `${itemId}|${sourceId}`,
  itemId,
  itemKey: `ismap:2024-07:${itemId}`,
  tier: 'controls',
  kind: 'detailed',
  sourceId,
  sourceKey: `iso27001-2013:2013:${sourceId}`,
  source: { kind: 'soa-row', file: '適用宣言書.xlsx', row: 7 },
  sourceStatus: 'implemented',
  relationship: 'equal',
  confidence: 1,
  paths: [
    {
      links: [
        {
          from: `iso27001-2013:2013:${sourceId}`,
          to: `ismap:2024-07:${itemId}`,
          relationship: 'equal',
          provenance: { document: 'ISMAP 管理基準', method: 'derived' },
          confidence: 1,
          inverted: false,
          setId: 'ismap-iso',
        },
      ],
      relationship: 'equal',
      confidence: 1,
      method: 'derived',
    },
  ],
  bulkAcceptable: true,
  proposed: { selection: 'selected', status: 'implemented', draft: '実施内容' },
  ...over,
});

describeEachEngine('gap import repository', (engine) => {
  const setup = async () => {
    const deps = testDeps(engine());
    const org = await createOrganization(deps, sys, {
      kind: 'csp',
      slug: `csp-${randomUUID().slice(0, 8)}`,
      nameJa: 'CSP',
      nameEn: 'CSP',
    });
    const serviceId = randomUUID();
    const statementId = randomUUID();
    await deps.uow.transaction(async (r) => {
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
    const gap = (createdAt: string): GapImport => ({
      id: randomUUID(),
      orgId: org.id,
      statementId,
      kind: 'soa',
      fileName: '適用宣言書.xlsx',
      sourceCatalog: 'iso27001-2013:2013',
      isoEdition: '2013',
      ismapEdition: '2024-07',
      summary: { controls: 2, proposals: 2, via: [], sets: [], intersectsOnly: 0, detection: { sheet: 'SoA' } },
      report: {
        source: { kind: 'soa', file: '適用宣言書.xlsx', catalog: 'iso27001-2013:2013', controls: 2 },
        ismap: 'ismap:2024-07',
        items: [],
        unmapped: [],
        byTier: [{ tier: 'controls', clause: '', items: 3, gaps: 1 }],
        byClause: [],
        byReason: {} as GapImport['report']['byReason'],
        totals: { items: 3, gaps: 1, covered: 2, proposals: 2 },
      },
      createdAt,
      createdBy: null,
    });
    return { deps, statementId, gap };
  };

  it('stores an import with its proposals in order, and lists the statement’s imports newest first', async () => {
    const { deps, statementId, gap } = await setup();
    const older = gap(at);
    const newer = gap('2026-04-02T00:00:00.000Z');
    const ps = [
      proposal('9.2.3.1', 'A.9.2.3'),
      proposal('9.2.3', 'A.9.2.3', { relationship: 'superset-of', bulkAcceptable: false }),
    ];
    await deps.uow.transaction((r) => r.gapImports.insert(older, ps));
    await deps.uow.transaction((r) => r.gapImports.insert(newer, []));
    expect(await deps.uow.read.gapImports.get(older.id)).toEqual(older);
    expect((await deps.uow.read.gapImports.listForStatement(statementId)).map((i) => i.id)).toEqual([
      newer.id,
      older.id,
    ]);
    const stored = await deps.uow.read.gapImports.proposals(older.id);
    expect(stored.map((s) => s.proposal)).toEqual(ps);
    expect(stored.every((s) => s.decision === null && s.decidedValue === null)).toBe(true);
    expect(await deps.uow.read.gapImports.get(randomUUID())).toBeNull();
  });

  it('records decisions on the named proposals only', async () => {
    const { deps, gap } = await setup();
    const g = gap(at);
    const ps = [proposal('9.2.3.1', 'A.9.2.3'), proposal('9.2.4.1', 'A.9.2.4')];
    await deps.uow.transaction((r) => r.gapImports.insert(g, ps));
    const value = { selection: 'selected' as const, status: 'planned' as const, draft: '計画中' };
    await deps.uow.transaction((r) =>
      r.gapImports.decide(g.id, [
        { id: ps[1]!.id, decision: 'edited', decidedValue: value, decidedAt: new Date(at), decidedBy: null },
      ]),
    );
    const stored = await deps.uow.read.gapImports.proposals(g.id);
    expect(stored[0]!.decision).toBeNull();
    expect(stored[1]).toMatchObject({ decision: 'edited', decidedValue: value, decidedAt: at });
  });
});
