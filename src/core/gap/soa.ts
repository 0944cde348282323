import { nodeKey } from '../catalog/model';
import { detectIsoEdition, parseLooseIsoId, type EditionDetection, type IsoEdition, type LooseIsoId } from './iso-ids';
import { gapIssue, hasErrors, type GapIssue } from './issues';
import type { ImportedPosture, PostureControl, PostureStatus } from './posture';

/** The columns of a Statement of Applicability; only `id` is required. */
export const soaRoles = [
  'id',
  'title',
  'applicable',
  'implemented',
  'justification',
  'implementation',
  'owner',
] as const;
export type SoaRole = (typeof soaRoles)[number];

export interface SoaInput {
  file: string;
  rows: readonly { row: number; cells: readonly string[] }[];
  /** 0-based column index of each role found. */
  columns: Partial<Record<SoaRole, { index: number; letter: string }>> & { id: { index: number; letter: string } };
  /** 1-based row of the last header row; data rows come after it. */
  headerRow: number;
  /** The edition the user confirmed; detected from the ids when absent. */
  edition?: IsoEdition;
  known: {
    controls2013: ReadonlySet<string>;
    objectives2013: ReadonlySet<string>;
    controls2022: ReadonlySet<string>;
    themes2022: ReadonlySet<string>;
    clauses2013: ReadonlySet<string>;
  };
}

export interface SoaResult {
  detection: EditionDetection;
  edition: IsoEdition;
  /** Null when any error was found: nothing is imported from a table with errors. */
  posture: ImportedPosture | null;
  issues: GapIssue[];
  /** Rows read as controls (for the preview), also when there are errors. */
  rowsRead: number;
}

const norm = (v: string) =>
  v
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

// Words seen in SoA templates (English and Japanese); symbols as printed in Japanese forms (○ yes, × no, △ partly).
const YES = [
  'yes',
  'y',
  'true',
  '1',
  'applicable',
  'applied',
  'included',
  '適用',
  '適用する',
  '該当',
  '有',
  'あり',
  'はい',
  '○',
  '〇',
  '◯',
  '✓',
  '✔',
  'x',
];
const NO = [
  'no',
  'n',
  'false',
  '0',
  'not applicable',
  'n/a',
  'na',
  'excluded',
  '除外',
  '適用除外',
  '適用しない',
  '非適用',
  '対象外',
  '無',
  'なし',
  'いいえ',
  '×',
  '-',
  '－',
  '―',
];
const IMPLEMENTED: Record<Exclude<PostureStatus, 'not_applicable' | 'unknown'>, string[]> = {
  implemented: [
    'yes',
    'y',
    'implemented',
    'done',
    'complete',
    'completed',
    'full',
    'fully',
    'fully implemented',
    'in place',
    '実施済',
    '実施済み',
    '導入済',
    '導入済み',
    '実装済',
    '実装済み',
    '対応済',
    '対応済み',
    '済',
    '済み',
    'はい',
    '○',
    '〇',
    '◯',
    '✓',
    '✔',
  ],
  partial: [
    'partially',
    'partial',
    'partly',
    'partially implemented',
    'in progress',
    '一部',
    '一部実施',
    '一部導入',
    '一部対応',
    '部分的',
    '部分的に実施',
    '対応中',
    '実施中',
    '△',
  ],
  planned: ['planned', 'plan', 'scheduled', 'to do', 'todo', '計画中', '予定', '実施予定', '導入予定', '対応予定'],
  not_implemented: [
    'no',
    'n',
    'not implemented',
    'none',
    'not started',
    '未実施',
    '未導入',
    '未対応',
    '未実装',
    'いいえ',
    '×',
    '-',
    '－',
    '―',
  ],
};

function readApplicable(v: string): boolean | null | 'bad' {
  const n = norm(v);
  if (n === '') return null;
  if (YES.includes(n)) return true;
  if (NO.includes(n)) return false;
  return 'bad';
}

function readImplemented(v: string): PostureStatus | null | 'bad' {
  const n = norm(v);
  if (n === '') return null;
  for (const [status, words] of Object.entries(IMPLEMENTED)) if (words.includes(n)) return status as PostureStatus;
  return 'bad';
}

/**
 * Two phases: every row is checked and every problem reported with its row and column; a posture is built only
 * when there is no error. Rows without an id (blank lines, section titles) are skipped silently, a control
 * objective or theme heading (`A.9.2`) with a warning.
 */
export function validateSoa(input: SoaInput): SoaResult {
  const issues: GapIssue[] = [];
  const { file, columns } = input;
  const cell = (cells: readonly string[], role: keyof SoaInput['columns']) => {
    const c = columns[role];
    return c ? (cells[c.index] ?? '').trim() : '';
  };
  const data = input.rows.filter((r) => r.row > input.headerRow && r.cells.some((c) => c.trim() !== ''));
  const parsed = data.map((r) => ({ r, id: parseLooseIsoId(cell(r.cells, 'id')) }));
  const ids = parsed.flatMap((p) => (p.id ? [p.id] : []));
  const detection = detectIsoEdition(ids, input.known);
  const edition = input.edition ?? detection.edition;
  if (!input.edition && detection.confidence !== 'high' && ids.length > 0)
    issues.push(
      gapIssue(
        'warning',
        'edition_uncertain',
        {
          edition: detection.edition,
          count2013: detection.count2013,
          count2022: detection.count2022,
        },
        { file },
      ),
    );
  const controls = edition === '2013' ? input.known.controls2013 : input.known.controls2022;
  const headings = edition === '2013' ? input.known.objectives2013 : input.known.themes2022;
  const out: PostureControl[] = [];
  const clauses = new Set<string>();
  const seen = new Map<string, number>();
  const idCol = columns.id.letter;
  for (const { r, id } of parsed) {
    const where = { row: r.row, file };
    const raw = cell(r.cells, 'id');
    if (raw === '') continue;
    if (!id) {
      // A section title in the id column ('A.5 情報セキュリティのための方針群') is not a control row.
      if (/^[Aa]\s*\.?\s*\d{1,2}(\D|$)/.test(raw.normalize('NFKC')) && !/\d\s*\.\s*\d/.test(raw)) continue;
      issues.push(gapIssue('error', 'invalid_id', { value: raw }, { ...where, column: idCol }));
      continue;
    }
    if (id.clause) {
      if (input.known.clauses2013.has(id.id)) {
        clauses.add(id.id);
        out.push(clauseControl(id, r, file));
      } else issues.push(gapIssue('warning', 'unknown_control', { id: id.id, edition }, { ...where, column: idCol }));
      continue;
    }
    if (!controls.has(id.id)) {
      if (headings.has(id.id) || (edition === '2022' && /^A\.\d+$/.test(id.id))) {
        issues.push(gapIssue('warning', 'heading_row', { id: id.id }, { ...where, column: idCol }));
        continue;
      }
      const other = edition === '2013' ? input.known.controls2022 : input.known.controls2013;
      issues.push(
        other.has(id.id)
          ? gapIssue('error', 'edition_mismatch', { id: id.id, edition }, { ...where, column: idCol })
          : gapIssue('error', 'unknown_control', { id: id.id, edition }, { ...where, column: idCol }),
      );
      continue;
    }
    const first = seen.get(id.id);
    if (first !== undefined) {
      issues.push(gapIssue('error', 'duplicate_id', { id: id.id, firstRow: first }, { ...where, column: idCol }));
      continue;
    }
    seen.set(id.id, r.row);
    const applicable = readApplicable(cell(r.cells, 'applicable'));
    const implemented = readImplemented(cell(r.cells, 'implemented'));
    if (applicable === 'bad')
      issues.push(
        gapIssue(
          'error',
          'invalid_value',
          { field: 'applicable', value: cell(r.cells, 'applicable') },
          {
            ...where,
            column: columns.applicable?.letter,
          },
        ),
      );
    if (implemented === 'bad')
      issues.push(
        gapIssue(
          'error',
          'invalid_value',
          { field: 'implemented', value: cell(r.cells, 'implemented') },
          {
            ...where,
            column: columns.implemented?.letter,
          },
        ),
      );
    if (applicable === 'bad' || implemented === 'bad') continue;
    let status: PostureStatus;
    if (applicable === false) status = 'not_applicable';
    else if (implemented !== null) status = implemented;
    else if (applicable === true && !columns.implemented) status = 'implemented';
    else {
      status = 'unknown';
      issues.push(gapIssue('warning', 'no_status', { id: id.id }, where));
    }
    const text = (k: keyof SoaInput['columns']) => cell(r.cells, k) || null;
    out.push({
      key: nodeKey(`iso27001-${edition}`, edition, id.id),
      id: id.id,
      title: cell(r.cells, 'title') || id.rest,
      status,
      text: cell(r.cells, 'implementation'),
      justification: text('justification'),
      owner: text('owner'),
      source: { kind: 'soa-row', file, row: r.row },
    });
  }
  if (out.length === 0 && !hasErrors(issues)) issues.push(gapIssue('error', 'no_rows', {}, { file }));
  const posture: ImportedPosture | null = hasErrors(issues)
    ? null
    : { kind: 'soa', file, catalog: `iso27001-${edition}:${edition}`, controls: out, clauses: [...clauses].sort() };
  return { detection, edition, posture, issues, rowsRead: out.length };
}

/** A requirement clause row: ISMAP's management items cite ISO/IEC 27001:2013 clauses (same numbers in 2022). */
function clauseControl(id: LooseIsoId, r: { row: number }, file: string): PostureControl {
  return {
    key: nodeKey('iso27001-2013', '2013', id.id),
    id: id.id,
    title: id.rest,
    status: 'implemented',
    text: '',
    justification: null,
    owner: null,
    source: { kind: 'soa-row', file, row: r.row },
  };
}

export type { LooseIsoId };
