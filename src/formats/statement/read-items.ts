import { criteriaDigest, type Criterion, criterionKinds, type StatementTier } from '../../core/statement/criteria';
import {
  blankAnswer,
  type ControlRevision,
  implementationStatuses,
  type ImplementationStatus,
  type ItemAnswer,
  storedSelections,
  type StoredSelection,
} from '../../core/statement/model';
import { answerIssues, normalizeSelection } from '../../core/statement/selection';
import { fromCell, localized, orNull } from './cells';
import { type Grid, issue, mapColumns, rowReader, type StatementIssue } from './grid';
import { historyColumns, itemColumns, type ItemColumnKey, selectionWords, statusWords } from './layout';

export interface ItemRow {
  criterion: Criterion;
  answer: ItemAnswer;
  sheet: string;
  row: number;
  at: (k: ItemColumnKey) => { sheet: string; row: number; column: string | null };
}

const requiredItemColumns: ItemColumnKey[] = [
  'id',
  'selection',
  'reason',
  'inheritedFrom',
  'status',
  'owner',
  'controlJa',
  'controlEn',
];
const criteriaColumns: ItemColumnKey[] = ['kind', 'flags', 'titleJa', 'titleEn'];

/** The clause a criteria id reports under (as statementCriteria derives it). */
const clauseOf = (tier: StatementTier, id: string) => {
  const parts = id.split('.');
  if (tier === 'controls') return parts[0] ?? id;
  if (tier === 'management') return parts.slice(0, 2).join('.');
  return parts.slice(0, 3).join('.');
};

const word = (s: string) => s.normalize('NFKC').trim();
const tierOfKind = (k: Criterion['kind']): StatementTier =>
  k === 'governance_item' ? 'governance' : k === 'management_item' ? 'management' : 'controls';

/**
 * One tier sheet's rows → answers (and, without given criteria, criteria rebuilt from the sheet's own columns).
 * Every bad cell is an issue at its sheet, row and column; the caller builds nothing if there is any.
 */
export function readItemSheet(
  grid: Grid,
  tier: StatementTier,
  known: ReadonlyMap<string, Criterion> | null,
  issues: StatementIssue[],
  /** Ids that have a row, readable or not (a bad row is not also a missing item). */
  seen: Set<string>,
): ItemRow[] {
  const cols = mapColumns(
    grid,
    itemColumns,
    known ? requiredItemColumns : [...requiredItemColumns, ...criteriaColumns],
    issues,
  );
  if (!cols.has('id')) return [];
  const out: ItemRow[] = [];
  const objectives = new Map<string, string>();
  for (const r of grid.dataRows) {
    const row = rowReader(grid, cols, r);
    const id = word(fromCell(row.get('id')));
    if (id === '') {
      issues.push(issue('item_id_missing', 'a row without an item id', row.at('id')));
      continue;
    }
    let criterion: Criterion | undefined;
    if (known) {
      criterion = known.get(id);
      if (!criterion) {
        issues.push(issue('unknown_item', `${id} is not a criteria item of this edition`, row.at('id'), { item: id }));
        continue;
      }
      if (criterion.tier !== tier) {
        issues.push(
          issue('item_wrong_sheet', `${id} belongs on the ${criterion.tier} sheet`, row.at('id'), {
            item: id,
            tier: criterion.tier,
          }),
        );
        continue;
      }
    } else {
      criterion = criterionFromRow(id, tier, row, objectives, issues);
      if (!criterion) continue;
    }
    seen.add(id);
    const answer = answerFromRow(criterion, row, issues);
    if (answer) out.push({ criterion, answer, sheet: grid.name, row: r, at: row.at });
  }
  return out;
}

type Row = ReturnType<typeof rowReader<ItemColumnKey>>;

function criterionFromRow(
  id: string,
  tier: StatementTier,
  row: Row,
  objectives: Map<string, string>,
  issues: StatementIssue[],
): Criterion | undefined {
  const kind = word(row.get('kind'));
  if (!(criterionKinds as readonly string[]).includes(kind)) {
    issues.push(
      issue('unknown_kind', `"${kind}" is not one of ${criterionKinds.join(', ')}`, row.at('kind'), { value: kind }),
    );
    return undefined;
  }
  const k = kind as Criterion['kind'];
  const tierOk = tier === 'controls' ? k === 'objective' || k === 'detailed' : k === `${tier}_item`;
  if (!tierOk) {
    issues.push(
      issue('item_wrong_sheet', `${id}: a ${k} belongs on the ${tierOfKind(k)} sheet`, row.at('kind'), {
        item: id,
        tier: tierOfKind(k),
      }),
    );
    return undefined;
  }
  const flags = word(row.get('flags')).toUpperCase();
  if (!/^P?B?$/.test(flags.replace(/^\./, ''))) {
    issues.push(
      issue('invalid_flags', `"${flags}" is not one of B, P, PB or empty`, row.at('flags'), { value: flags }),
    );
    return undefined;
  }
  // Objective ids carry suffixes too (12.4.5.P ⊃ 12.4.5.5.P): a detailed control belongs to the objective above it
  // whose three numbers it starts with.
  const numbers = (s: string) =>
    s
      .replace(/\.P?B?$/, '')
      .split('.')
      .slice(0, 3)
      .join('.');
  if (k === 'objective') objectives.set(numbers(id), id);
  const parent = objectives.get(numbers(id)) ?? null;
  const title = localized(fromCell(row.get('titleJa')), fromCell(row.get('titleEn')));
  const text = localized(fromCell(row.get('textJa')), fromCell(row.get('textEn')));
  return {
    id,
    kind: k,
    tier,
    clause: clauseOf(tier, id),
    objective: k === 'objective' ? id : k === 'detailed' ? parent : null,
    basic: flags.includes('B'),
    cloud: flags.includes('P'),
    title,
    text,
    digest: orNull(word(row.get('criteriaDigest'))) ?? criteriaDigest({ title, text }),
    // Set by the caller, over all sheets.
    order: 0,
  };
}

function answerFromRow(c: Criterion, row: Row, issues: StatementIssue[]): ItemAnswer | undefined {
  const before = issues.length;
  const selWord = word(row.get('selection'));
  let selection: StoredSelection | null = null;
  if (selWord !== '') {
    const s = selectionWords[selWord] ?? selWord.toLowerCase().replace(/[\s-]+/g, '_');
    if ((storedSelections as readonly string[]).includes(s)) selection = s as StoredSelection;
    else
      issues.push(
        issue(
          'unknown_selection',
          `${c.id}: "${selWord}" is not a selection (${storedSelections.join(', ')}, or empty)`,
          row.at('selection'),
          { item: c.id, value: selWord },
        ),
      );
  }
  const statusWord = word(row.get('status'));
  let status: ImplementationStatus = 'not_started';
  if (statusWord !== '') {
    const s = statusWords[statusWord] ?? statusWord.toLowerCase().replace(/[\s-]+/g, '_');
    if ((implementationStatuses as readonly string[]).includes(s)) status = s as ImplementationStatus;
    else
      issues.push(
        issue(
          'unknown_status',
          `${c.id}: "${statusWord}" is not a status (${implementationStatuses.join(', ')})`,
          row.at('status'),
          { item: c.id, value: statusWord },
        ),
      );
  }
  const versionText = word(row.get('version'));
  const version = versionText === '' ? 0 : Number(versionText);
  if (!Number.isSafeInteger(version) || version < 0)
    issues.push(
      issue('invalid_number', `${c.id}: version "${versionText}" is not a whole number`, row.at('version'), {
        item: c.id,
        value: versionText,
      }),
    );
  const a: ItemAnswer = {
    ...blankAnswer(c.id),
    selection: normalizeSelection(c, selection),
    reason: orNull(fromCell(row.get('reason'))),
    inheritedFrom: orNull(word(fromCell(row.get('inheritedFrom')))),
    status,
    owner: orNull(fromCell(row.get('owner'))),
    control: localized(fromCell(row.get('controlJa')), fromCell(row.get('controlEn'))),
    criteriaDigest: orNull(word(row.get('answerDigest'))),
    version,
  };
  return issues.length === before ? a : undefined;
}

/** Structure rules the API refuses on write (answerIssues), at the row's selection / inherited-from cell. */
export function structureIssues(rows: ItemRow[], underlyingIds: ReadonlySet<string>, issues: StatementIssue[]) {
  for (const r of rows) {
    for (const i of answerIssues(r.criterion, r.answer, underlyingIds)) {
      const field = i.path[i.path.length - 1] === 'inheritedFrom' ? 'inheritedFrom' : 'selection';
      // answerIssues' codes and params are the ones STATEMENT_ISSUES declares for them (xlsx.test.ts checks it).
      const code = i.code as 'selection_exclude_objective_only';
      const p = i.params ?? {};
      issues.push(
        issue(code, i.message, r.at(field), {
          item: p['item'] ?? r.criterion.id,
          selection: p['selection'] ?? null,
          ...p,
        }),
      );
    }
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (s: string) => {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** The change-history sheet's rows, appended to their items' answers in row order. */
export function readHistory(grid: Grid, byId: ReadonlyMap<string, ItemRow>, issues: StatementIssue[]) {
  const cols = mapColumns(grid, historyColumns, ['item', 'effectiveDate', 'afterJa', 'afterEn'], issues);
  if (!cols.has('item')) return;
  for (const r of grid.dataRows) {
    const row = rowReader(grid, cols, r);
    const id = word(fromCell(row.get('item')));
    const target = byId.get(id);
    if (!target) {
      issues.push(
        issue('unknown_item', `${id || '(empty)'} is not an item of the statement`, row.at('item'), { item: id }),
      );
      continue;
    }
    const date = word(fromCell(row.get('effectiveDate')));
    if (!isIsoDate(date)) {
      issues.push(
        issue('invalid_revision_date', `${id}: "${date}" is not a date (YYYY-MM-DD)`, row.at('effectiveDate'), {
          item: id,
          value: date,
        }),
      );
      continue;
    }
    const revision: ControlRevision = {
      effectiveDate: date,
      before: localized(fromCell(row.get('beforeJa')), fromCell(row.get('beforeEn'))),
      after: localized(fromCell(row.get('afterJa')), fromCell(row.get('afterEn'))),
      note: orNull(fromCell(row.get('note'))),
    };
    const recordedBy = orNull(fromCell(row.get('recordedBy')));
    if (recordedBy !== null) revision.recordedBy = recordedBy;
    target.answer.revisions.push(revision);
  }
}
