import { describe, expect, it } from 'vitest';
import { makeNode } from '../catalog/model';
import { statementCriteria } from './criteria';
import { blankAnswer } from './model';
import { planEditionMigration } from './migration';
import { smallEdition } from './test-criteria';

describe('planEditionMigration', () => {
  const from = statementCriteria(smallEdition('2022-04'));
  const nextEdition = smallEdition('2024-07', [
    makeNode({
      id: '9.2.3.4',
      kind: 'detailed',
      depth: 0,
      parentId: '9.2.3',
      position: 0,
      props: { tier: 'controls' },
    }),
  ]);
  nextEdition.nodes = nextEdition.nodes.filter((n) => n.id !== '9.2.4.1');
  nextEdition.nodes.find((n) => n.id === '9.2.3.1')!.text = { ja: '改訂後の本文' };
  const to = statementCriteria(nextEdition);
  const written = (id: string) => ({
    ...blankAnswer(id),
    status: 'implemented' as const,
    control: { ja: `${id} 管理策` },
    criteriaDigest: from.find((c) => c.id === id)!.digest,
    version: 7,
  });

  it('carries every answer over and lists what needs attention', () => {
    const answers = [written('9.2.3.1'), written('9.2.3.2.B'), written('9.2.4.1')];
    const plan = planEditionMigration(from, to, answers, []);
    expect(plan.answers.map((a) => a.itemId)).toEqual(['9.2.3.1', '9.2.3.2.B']);
    expect(plan.answers.every((a) => a.version === 0)).toBe(true);
    expect(plan.answers[0]!.control).toEqual({ ja: '9.2.3.1 管理策' });
    expect(plan.attention).toEqual([
      { reason: 'text_changed', itemId: '9.2.3.1', fromId: '9.2.3.1' },
      { reason: 'removed', itemId: null, fromId: '9.2.4.1' },
      { reason: 'added', itemId: '9.2.3.4', fromId: null },
    ]);
  });

  it('follows succession links when an item was renumbered, and flags a link weaker than equal', () => {
    const plan = planEditionMigration(
      from,
      to,
      [written('9.2.4.1')],
      [{ from: '9.2.4.1', to: '9.2.3.4', relationship: 'intersects-with' }],
    );
    expect(plan.answers.map((a) => a.itemId)).toEqual(['9.2.3.4']);
    expect(plan.attention).toEqual([{ reason: 'structure_changed', itemId: '9.2.3.4', fromId: '9.2.4.1' }]);
  });
});
