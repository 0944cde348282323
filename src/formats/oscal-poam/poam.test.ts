import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import { remediationItemOf } from '../../core/remediation/test-item';
import { validateOscalDocument } from '../oscal';
import { oscalToRemediationPlan, remediationPlanToOscal } from '.';

// NIST's example POA&M, copied into the repository (test/fixtures/oscal/PROVENANCE.md).
const ifa = () =>
  JSON.parse(
    readFileSync(
      new URL('../../../test/fixtures/oscal/examples/ifa_plan-of-action-and-milestones.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown>;

const items = [
  remediationItemOf({
    id: '11111111-1111-4111-8111-111111111111',
    status: 'in_progress',
    risk: 'high',
    milestones: [
      { id: 'm1', title: '方針案の作成', plannedDate: '2026-05-01', actualDate: '2026-05-03' },
      { id: 'm2', title: '承認', plannedDate: '2026-06-01', actualDate: null },
    ],
    links: [
      { kind: 'blocker', rule: 'basic_not_implemented', target: '5.1.1' },
      { kind: 'statement_item', rule: null, target: '5.1.1' },
      { kind: 'blocker', rule: 'period_missing', target: null },
    ],
  }),
  remediationItemOf({
    id: '22222222-2222-4222-8222-222222222222',
    status: 'completed',
    description: '',
    owner: null,
    plannedCompletion: null,
    actualCompletion: '2026-04-20',
  }),
];
const exported = () =>
  remediationPlanToOscal({
    statementId: '00000000-0000-4000-8000-0000000000bb',
    title: 'Remediation plan',
    lastModified: '2026-05-10T00:00:00.000Z',
    items,
  });

describe('OSCAL plan-of-action-and-milestones', () => {
  it('exports a plan that validates against NIST’s 1.1.3 schema', () => {
    const v = validateOscalDocument(exported());
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ valid: true, version: '1.1.3', model: 'plan-of-action-and-milestones' });
  });

  it('re-imports its own export without loss', () => {
    const drafts = oscalToRemediationPlan(exported());
    expect(drafts).toEqual(
      items.map((i) => ({
        oscalUuid: i.id,
        title: i.title,
        description: i.description === '' ? i.title : i.description,
        owner: i.owner,
        risk: i.risk,
        status: i.status,
        plannedCompletion: i.plannedCompletion,
        actualCompletion: i.actualCompletion,
        milestones: i.milestones.map(({ id: _id, ...m }) => m),
        links: i.links,
      })),
    );
  });

  it('imports NIST’s example POA&M: two items with status, deadline, risk and milestones from their risks', () => {
    const drafts = oscalToRemediationPlan(ifa());
    expect(drafts.map((d) => [d.oscalUuid, d.status, d.risk, d.plannedCompletion, d.milestones.length])).toEqual([
      // NIST's first item names a mitigating factor's uuid as its risk: no risk to read, so the defaults.
      ['e174dfb9-0ae3-4a8f-8e7c-081527b84337', 'open', 'moderate', null, 0],
      ['48c8368d-43ff-4736-9b28-64b1b1284c03', 'open', 'high', '2023-06-23', 1],
    ]);
    expect(drafts[0]!.title).toBe('Update Django Framework Configuration to Disable Default Admin Panel');
    expect(drafts[1]!.milestones[0]).toEqual({
      title: 'Completion of GoodRead Sprint Ending June 23, 2023',
      plannedDate: '2024-06-23',
      actualDate: null,
    });
  });

  it('refuses a broken document with every problem at its JSON path, and another model by name', () => {
    const doc = ifa();
    const poam = doc['plan-of-action-and-milestones'] as { 'poam-items': Record<string, unknown>[] };
    delete poam['poam-items'][1]!['title'];
    const err = (() => {
      try {
        oscalToRemediationPlan(doc, { file: 'poam.json' });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.code).toBe('import_failed');
    expect(err!.reason).toBe('oscal_invalid');
    expect(err!.issues).toContainEqual(
      expect.objectContaining({
        path: ['$.plan-of-action-and-milestones.poam-items[1].title'],
        code: 'oscal_required',
        file: 'poam.json',
      }),
    );
    const wrong = (() => {
      try {
        oscalToRemediationPlan({ catalog: {} });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(wrong?.issues?.[0]).toMatchObject({ code: 'oscal_wrong_model', params: { model: 'catalog' } });
    expect(() => oscalToRemediationPlan('nope')).toThrow(DomainError);
  });

  it('refuses a value of ours that does not parse, at its path', () => {
    const doc = exported();
    doc['plan-of-action-and-milestones']['poam-items'][0]!.props[0]!.value = 'finished';
    let err: DomainError | undefined;
    try {
      oscalToRemediationPlan(doc);
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.reason).toBe('poam_invalid');
    expect(err?.issues).toEqual([
      expect.objectContaining({
        path: ['$.plan-of-action-and-milestones.poam-items[0].props'],
        code: 'poam_bad_value',
        params: { name: 'status', value: 'finished' },
      }),
    ]);
  });
});
