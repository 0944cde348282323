import type { Criterion } from '../../core/statement/criteria';
import { allowedSelections } from '../../core/statement/selection';
import { blankAnswer, type ItemAnswer, type StatementDocument } from '../../core/statement/model';

/** Texts a spreadsheet would run, or that sit on the edge of the neutralizer's escaping. */
export const trickyTexts = [
  '=HYPERLINK("http://example.invalid","click")',
  '+81 3 1234 5678',
  '-- 手順は別紙参照',
  '@SUM(A1:A2)',
  '\t先頭がタブ',
  '\r先頭が復帰',
  "'=already quoted",
  "'plain apostrophe",
  '-5',
  '  leading and trailing spaces  ',
  'literal _x000D_ and _x00e9_ escapes',
];

/**
 * A full statement over the given criteria (for tests and benches): every selection kind, Japanese and multi-line
 * text, revisions, formula-looking text, blank answers, inheritance from a registered and an unregistered service.
 */
export function fullStatement(criteria: readonly Criterion[]): StatementDocument {
  let k = 0;
  const items = criteria.map((c) => {
    k++;
    const tricky = trickyTexts[k % trickyTexts.length]!;
    const a: ItemAnswer = { ...blankAnswer(c.id), criteriaDigest: c.digest, version: k % 7 };
    const allowed = allowedSelections(c);
    const pick = allowed[k % allowed.length] ?? null;
    if (k % 11 === 0) return { criterion: c, answer: { ...blankAnswer(c.id) } };
    a.selection = pick;
    if (pick === 'excluded' || pick === 'not_selected')
      a.reason = k % 5 === 0 ? tricky : `${c.id} は当サービスに該当しない。\n理由: 物理設備を持たない。`;
    if (pick === 'inherited') a.inheritedFrom = k % 2 === 0 ? 'u1' : 'u2';
    a.status = (['not_started', 'planned', 'in_progress', 'implemented'] as const)[k % 4]!;
    a.owner = k % 3 === 0 ? null : `user-${k % 5}`;
    if (k % 4 !== 1)
      a.control =
        k % 6 === 0
          ? { ja: `${c.id} の個別管理策:\n1. 年次で見直す\n2. 記録を保管する`, en: `Reviewed yearly.\r\nRecords kept.` }
          : k % 6 === 1
            ? { en: tricky }
            : { ja: tricky };
    if (k % 9 === 0)
      a.revisions = [
        {
          effectiveDate: '2025-06-01',
          before: { ja: '旧手順' },
          after: { ja: '新手順\n改訂版', en: 'New' },
          note: null,
        },
        {
          effectiveDate: '2025-09-15',
          before: { ja: '新手順\n改訂版', en: 'New' },
          after: { en: tricky },
          note: tricky,
          recordedBy: '山田 花子',
        },
      ];
    return { criterion: c, answer: a };
  });
  return {
    statement: {
      id: 'st-0001',
      catalog: 'ismap',
      edition: '2024-07',
      period: { start: '2025-04-01', end: '2026-03-31' },
      previousPeriod: { start: '2024-04-01', end: '2025-03-31' },
      state: 'draft',
      subsequentEvents: { ja: '該当なし', en: 'None' },
      specialNotes: { ja: '=特記事項\n二行目' },
    },
    service: {
      name: { ja: 'サンプルクラウド', en: 'Sample Cloud' },
      model: 'saas',
      track: 'ismap',
      scope: {
        subServices: [{ ja: '認証基盤', en: 'Identity' }, { en: 'Storage' }],
        underlying: [
          { id: 'u1', name: 'Example IaaS', provider: 'Example Corp', registrationNumber: 'C21-0008-2' },
          { id: 'u2', name: '未登録サービス', provider: null, registrationNumber: null },
        ],
        regions: ['Tokyo', 'Osaka'],
        systemOverview: { ja: 'システム概要\n複数行' },
        logicalStructure: {},
        populations: { en: 'Users: all accounts' },
      },
    },
    items,
  };
}

/** A statement with no blocker: every declared item implemented with its control, every omission with a reason. */
export function readyStatement(criteria: readonly Criterion[]): StatementDocument {
  const base = fullStatement(criteria);
  let k = 0;
  const items = criteria.map((c) => {
    k++;
    const a: ItemAnswer = {
      ...blankAnswer(c.id),
      status: 'implemented',
      owner: 'user-1',
      control: { ja: `${c.id} を実施する。`, en: `We do ${c.id}.` },
      criteriaDigest: c.digest,
      version: 1,
    };
    if (c.kind === 'objective' && k % 40 === 0)
      Object.assign(a, { selection: 'excluded', reason: '該当する資産がない' });
    else if (c.kind === 'detailed' && !c.basic)
      Object.assign(a, k % 3 === 0 ? { selection: 'not_selected', reason: '不要' } : { selection: 'selected' });
    else if (c.kind === 'detailed' && k % 25 === 0) Object.assign(a, { selection: 'inherited', inheritedFrom: 'u1' });
    return { criterion: c, answer: a };
  });
  return { ...base, items };
}
