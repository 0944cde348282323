import { describe, expect, it } from 'vitest';
import { diffStatementDocuments } from '../../core/statement/diff';
import { blankAnswer, emptyScope, type StatementDocument } from '../../core/statement/model';
import { validateOscalDocument } from '../oscal';
import { bundledStatementCriteria } from '../statement/bundled-criteria';
import { fullStatement } from '../statement/test-support';
import { oscalSspToStatement, statementToOscalSsp } from '.';

const criteria = (await bundledStatementCriteria('ismap', '2024-07'))!;
const lastModified = '2026-05-10T00:00:00.000Z';

/** The full test statement, its registered underlying service with its ISMAP registration date. */
function statement(): StatementDocument {
  const doc = fullStatement(criteria);
  doc.service.scope.underlying[0]!.authorizedOn = '2021-09-01';
  return doc;
}
/** A new statement of the same edition: blank answers, another id. */
const fresh = (doc: StatementDocument): StatementDocument => ({
  ...doc,
  statement: {
    ...doc.statement,
    id: 'st-fresh',
    period: null,
    previousPeriod: null,
    subsequentEvents: {},
    specialNotes: {},
  },
  items: doc.items.map((i) => ({ criterion: i.criterion, answer: blankAnswer(i.criterion.id) })),
});
type Ssp = ReturnType<typeof statementToOscalSsp>['system-security-plan'];
const requirements = (ssp: Ssp) => ssp['control-implementation']['implemented-requirements'];
const propOf = (r: { props: { name: string; value: string }[] }, name: string) =>
  r.props.find((p) => p.name === name)?.value;

describe('OSCAL system-security-plan export', () => {
  it('validates a full statement against NIST’s 1.1.3 schema', () => {
    const v = validateOscalDocument(statementToOscalSsp({ document: statement(), lastModified }));
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ valid: true, version: '1.1.3', model: 'system-security-plan' });
  });

  it('validates a new statement of a service with an empty scope', () => {
    const doc = fresh(statement());
    doc.service = { ...doc.service, scope: emptyScope() };
    const v = validateOscalDocument(statementToOscalSsp({ document: doc, lastModified }));
    expect(v.errors).toEqual([]);
  });

  it('is the same document for the same statement', () => {
    const a = JSON.stringify(statementToOscalSsp({ document: statement(), lastModified }));
    expect(JSON.stringify(statementToOscalSsp({ document: statement(), lastModified }))).toBe(a);
  });

  it('maps selections: in-scope items with their control, omissions not-applicable with the reason, inheritance leveraged', () => {
    const doc = statement();
    const ssp = statementToOscalSsp({ document: doc, lastModified })['system-security-plan'];
    const byItem = new Map(requirements(ssp).map((r) => [propOf(r, 'item'), r]));
    const excluded = doc.items.find((i) => i.answer.selection === 'excluded')!;
    const r = byItem.get(excluded.criterion.id)!;
    expect(propOf(r, 'implementation-status')).toBe('not-applicable');
    expect(r.remarks).toBe(excluded.answer.reason);
    const notSelected = doc.items.find((i) => i.answer.selection === 'not_selected')!;
    expect(propOf(byItem.get(notSelected.criterion.id)!, 'implementation-status')).toBe('not-applicable');
    const withText = doc.items.find((i) => i.answer.control.ja && i.answer.control.en && !i.answer.selection)!;
    const stmts = byItem.get(withText.criterion.id)!.statements!;
    expect(stmts.map((s) => [s['statement-id'], s['by-components'][0]!.description])).toEqual([
      [`ismap-${withText.criterion.id}_smt`, withText.answer.control.ja],
      [`ismap-${withText.criterion.id}_smt.en`, withText.answer.control.en],
    ]);
    // u1 is registered with a known date: a leveraged authorization; u2 (unregistered) only a component.
    const impl = ssp['system-implementation'];
    expect(impl['leveraged-authorizations']).toEqual([
      expect.objectContaining({ title: 'Example IaaS', 'date-authorized': '2021-09-01' }),
    ]);
    const inherited = doc.items.find((i) => i.answer.inheritedFrom === 'u1' && i.answer.control.ja)!;
    const u1 = impl.components.find((c) => c.title === 'Example IaaS')!;
    expect(byItem.get(inherited.criterion.id)!.statements![0]!['by-components'][0]!['component-uuid']).toBe(u1.uuid);
    expect(u1.props).toContainEqual({
      name: 'leveraged-authorization-uuid',
      value: impl['leveraged-authorizations']![0]!.uuid,
    });
    expect(ssp['import-profile'].href).toBe(`#${ssp['back-matter'].resources[0]!.uuid}`);
    // Blank optional items are not in the plan; every other item is, once.
    const answers = new Map(doc.items.map((i) => [i.criterion.id, i.answer]));
    const blankOptional = doc.items.filter(
      (i) =>
        i.criterion.kind === 'detailed' &&
        !i.criterion.basic &&
        i.answer.criteriaDigest === null &&
        answers.get(i.criterion.objective!)?.selection !== 'excluded',
    );
    expect(blankOptional.length).toBeGreaterThan(0);
    expect(blankOptional.some((i) => byItem.has(i.criterion.id))).toBe(false);
    expect(byItem.size).toBe(requirements(ssp).length);
  });
});

describe('OSCAL system-security-plan import', () => {
  it('round-trips: export → import into a fresh statement → export again is the same but for identity and time', () => {
    const doc = statement();
    const first = statementToOscalSsp({ document: doc, lastModified });
    const target = fresh(doc);
    const parsed = oscalSspToStatement(JSON.parse(JSON.stringify(first)), criteria, target, { file: 'ssp.json' });
    expect(parsed.issues).toEqual([]);
    const imported = parsed.doc!;
    expect(imported.statement.id).toBe('st-fresh');
    // Nothing lost: against the original (same id), no header or item differs.
    const diff = diffStatementDocuments(doc, {
      ...imported,
      statement: { ...imported.statement, id: doc.statement.id },
    });
    expect(diff.header).toEqual([]);
    expect(diff.items).toEqual([]);
    expect(imported.service.scope.underlying[0]!.authorizedOn).toBe('2021-09-01');
    const again = statementToOscalSsp({ document: imported, lastModified: '2027-01-01T00:00:00.000Z' });
    const strip = (x: typeof first) => {
      const s = structuredClone(x['system-security-plan']);
      return {
        ...s,
        uuid: null,
        metadata: { ...s.metadata, 'last-modified': null, version: null },
        'system-characteristics': { ...s['system-characteristics'], 'system-ids': null },
      };
    };
    expect(strip(again)).toEqual(strip(first));
  });

  it('refuses a broken plan with every problem at its JSON path, a bad value of ours too', () => {
    const doc = statementToOscalSsp({ document: statement(), lastModified }) as unknown as {
      'system-security-plan': Record<string, unknown> & Ssp;
    };
    const broken = structuredClone(doc);
    delete (broken['system-security-plan'] as Record<string, unknown>)['import-profile'];
    const r1 = oscalSspToStatement(broken, criteria, statement(), { file: 'ssp.json' });
    expect(r1.doc).toBeNull();
    expect(r1.issues).toContainEqual(
      expect.objectContaining({
        path: ['$.system-security-plan.import-profile'],
        code: 'oscal_required',
        file: 'ssp.json',
      }),
    );
    const bad = structuredClone(doc);
    const req = requirements(bad['system-security-plan'])[2]!;
    req.props.find((p) => p.name === 'status')!.value = 'finished';
    req['control-id'] = requirements(bad['system-security-plan'])[2]!['control-id'];
    requirements(bad['system-security-plan'])[3]!['control-id'] = 'ismap-no.such';
    const r2 = oscalSspToStatement(bad, criteria, statement());
    expect(r2.doc).toBeNull();
    expect(r2.issues).toEqual([
      expect.objectContaining({
        path: ['$.system-security-plan.control-implementation.implemented-requirements[2].props'],
        code: 'ssp_bad_value',
        params: { name: 'status', value: 'finished' },
      }),
      expect.objectContaining({
        path: ['$.system-security-plan.control-implementation.implemented-requirements[3].control-id'],
        code: 'ssp_unknown_control',
      }),
    ]);
    expect(oscalSspToStatement({ catalog: {} }, criteria, statement()).issues[0]).toMatchObject({
      code: 'oscal_wrong_model',
    });
  });

  it('answers a plan of another edition as such (the import then refuses it by name)', () => {
    const doc = statementToOscalSsp({ document: statement(), lastModified });
    const stored = statement();
    stored.statement.edition = '2023-10';
    const r = oscalSspToStatement(doc, criteria, stored);
    expect(r.issues).toEqual([]);
    expect(diffStatementDocuments(stored, r.doc!).mismatch).toEqual(['edition']);
  });
});
