/**
 * Finds the header row and the columns of a Statement of Applicability (適用宣言書): the same header matching as
 * the criteria text import (NFKC, brackets and punctuation ignored, English and Japanese names, longest synonym
 * wins), with the SoA's own column names; the id column is also recognised by its values.
 */
import { z } from 'zod';
import { parseLooseIsoId } from '../../core/gap/iso-ids';
import { soaRoles, type SoaRole } from '../../core/gap/soa';
import { headerVariants, normalizeHeader } from '../tabular/header-names';
import { columnIndex, columnLetter, tableError } from '../tabular/table-error';
import type { TableRow } from '../tabular/types';

const SYNONYMS: Record<SoaRole, string[]> = {
  id: [
    'control id',
    'control no',
    'control number',
    'control ref',
    'control reference',
    'reference',
    'ref',
    'id',
    'no',
    'annex a',
    'annex a control',
    'iso control',
    'clause',
    'control',
    '管理策番号',
    '管理策no',
    '管理策id',
    '番号',
    '項番',
    '附属書a',
    '附属書a番号',
    '箇条',
  ],
  title: [
    'control title',
    'control name',
    'title',
    'name',
    '管理策名',
    '管理策名称',
    '管理策',
    'タイトル',
    '名称',
    '項目',
  ],
  applicable: [
    'applicable',
    'applicability',
    'applied',
    'included',
    'selected',
    'in scope',
    '適用',
    '適用可否',
    '適用有無',
    '適用の有無',
    '適用要否',
    '採否',
    '適用状況',
  ],
  implemented: [
    'implemented',
    'implementation status',
    'status',
    'implementation state',
    'current status',
    '実施状況',
    '実装状況',
    '導入状況',
    '実施',
    '実施有無',
    '対応状況',
    '状況',
  ],
  justification: [
    'justification',
    'reason',
    'rationale',
    'justification for inclusion',
    'justification for exclusion',
    'reason for selection',
    '理由',
    '適用理由',
    '除外理由',
    '根拠',
    '採否理由',
    '適用除外の理由',
    '選択理由',
  ],
  implementation: [
    'implementation description',
    'implementation details',
    'how implemented',
    'implementation',
    'description',
    'details',
    '実施内容',
    '実施方法',
    '実装内容',
    '管理策の実施内容',
    '導入内容',
    '説明',
    '概要',
  ],
  owner: [
    'owner',
    'control owner',
    'responsible',
    'responsibility',
    'responsible party',
    '担当',
    '担当者',
    '責任者',
    '担当部署',
    '管理責任者',
    'オーナー',
    '所管部署',
    '責任部署',
  ],
};
const NORMALIZED = soaRoles.flatMap((role) => SYNONYMS[role].map((s) => ({ role, name: normalizeHeader(s) })));

export interface SoaColumn {
  index: number;
  letter: string;
  header: string | null;
  matchedBy: 'header' | 'header-partial' | 'values' | 'override';
}
export interface SoaDetection {
  headerRow: number | null;
  dataStartRow: number;
  columns: Partial<Record<SoaRole, SoaColumn>> & { id: SoaColumn };
  score: number;
  explanation: string[];
}

function match(cell: string): { role: SoaRole; exact: boolean; len: number } | null {
  let best: { role: SoaRole; exact: boolean; len: number } | null = null;
  for (const v of headerVariants(cell))
    for (const { role, name } of NORMALIZED) {
      const exact = v === name;
      const partial = !exact && (name.length >= 4 || /[^\x00-\x7f]/.test(name)) && v.includes(name);
      if (!exact && !partial) continue;
      if (!best || (exact && !best.exact) || (exact === best.exact && name.length > best.len))
        best = { role, exact, len: name.length };
    }
  return best;
}

/**
 * Share of a column's first 200 values that read as control ids. Detection tries up to 20 header rows and every
 * column, so the same cells are tested again and again: `looksLikeId` remembers each text's answer for one run.
 */
const idShare = (rows: readonly TableRow[], i: number, looksLikeId: (v: string) => boolean) => {
  let n = 0;
  let ids = 0;
  for (let r = 0; r < rows.length && r < 200; r++) {
    const v = (rows[r]!.cells[i] ?? '').trim();
    if (!v) continue;
    n++;
    if (looksLikeId(v)) ids++;
  }
  return n === 0 ? 0 : ids / n;
};

function idMemo(): (v: string) => boolean {
  const seen = new Map<string, boolean>();
  return (v) => {
    let yes = seen.get(v);
    if (yes === undefined) seen.set(v, (yes = parseLooseIsoId(v) !== null));
    return yes;
  };
}

/** Best layout of one sheet; null when no column holds control ids. */
export function detectSoaColumns(rows: readonly TableRow[]): SoaDetection | null {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const looksLikeId = idMemo();
  let best: SoaDetection | null = null;
  for (let h = 0; h < Math.min(20, nonEmpty.length); h++) {
    const header = nonEmpty[h]!;
    const data = nonEmpty.slice(h + 1);
    const found: { role: SoaRole; exact: boolean; len: number; index: number; text: string }[] = [];
    header.cells.forEach((c, index) => {
      const text = c.trim();
      const m = text ? match(text) : null;
      if (m) found.push({ ...m, index, text });
    });
    const columns: Partial<Record<SoaRole, SoaColumn>> = {};
    const notes: string[] = [];
    let score = 0;
    for (const role of soaRoles) {
      const options = found
        .filter((f) => f.role === role && !Object.values(columns).some((c) => c.index === f.index))
        .sort((a, b) => Number(b.exact) - Number(a.exact) || b.len - a.len || a.index - b.index);
      const pick = options[0];
      if (!pick) continue;
      if (role === 'id' && data.length > 0 && idShare(data, pick.index, looksLikeId) < 0.3) continue;
      columns[role] = {
        index: pick.index,
        letter: columnLetter(pick.index),
        header: pick.text,
        matchedBy: pick.exact ? 'header' : 'header-partial',
      };
      score += pick.exact ? 3 : 2;
      notes.push(`${role}: column ${columnLetter(pick.index)} "${pick.text}" (header row ${header.row})`);
    }
    if (!columns.id) {
      const byValues = [...Array(header.cells.length).keys()]
        .filter((i) => !Object.values(columns).some((c) => c.index === i))
        .map((i) => ({ i, share: idShare(data, i, looksLikeId) }))
        .filter((x) => x.share > 0.5)
        .sort((a, b) => b.share - a.share)[0];
      if (!byValues) continue;
      columns.id = {
        index: byValues.i,
        letter: columnLetter(byValues.i),
        header: header.cells[byValues.i]?.trim() || null,
        matchedBy: 'values',
      };
      notes.push(`id: column ${columns.id.letter} (its values look like ISO/IEC 27001 control ids)`);
      score += 1;
    }
    if (score > (best?.score ?? 1.5) && columns.id)
      best = {
        headerRow: header.row,
        dataStartRow: data[0]?.row ?? header.row + 1,
        columns: { ...columns, id: columns.id },
        score,
        explanation: notes,
      };
  }
  if (best) return best;
  // No header: the id column by its values.
  const width = nonEmpty.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const id = [...Array(width).keys()]
    .map((i) => ({ i, share: idShare(nonEmpty, i, looksLikeId) }))
    .sort((a, b) => b.share - a.share)[0];
  if (!id || id.share <= 0.5) return null;
  return {
    headerRow: null,
    dataStartRow: nonEmpty[0]?.row ?? 1,
    columns: { id: { index: id.i, letter: columnLetter(id.i), header: null, matchedBy: 'values' } },
    score: 1,
    explanation: [
      'no header row found',
      `id: column ${columnLetter(id.i)} (its values look like ISO/IEC 27001 control ids)`,
    ],
  };
}

const ref = z.union([z.number().int().min(1).max(16384), z.string().trim().min(1).max(200)]);
const optionSchema = z.strictObject({
  id: ref,
  title: ref.optional(),
  applicable: ref.optional(),
  implemented: ref.optional(),
  justification: ref.optional(),
  implementation: ref.optional(),
  owner: ref.optional(),
  headerRow: z.number().int().min(1).optional(),
});
export type SoaColumnsOption = z.infer<typeof optionSchema>;

/** `--columns '{"id":"A","implemented":"実施状況"}'`: letters, 1-based numbers or header names. */
export function parseSoaColumnsOption(json: string): SoaColumnsOption {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw tableError(
      'bad_columns_option',
      `--columns is not valid JSON: ${json.slice(0, 80)} (example: {"id":"A","implemented":"D"})`,
    );
  }
  const r = optionSchema.safeParse(raw);
  if (!r.success)
    throw tableError(
      'bad_columns_option',
      `--columns: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')} (roles: ${soaRoles.join(', ')})`,
    );
  return r.data;
}

export function applySoaColumnsOption(rows: readonly TableRow[], o: SoaColumnsOption, file: string): SoaDetection {
  const window = rows.filter((r) => r.cells.some((c) => c.trim() !== '')).slice(0, 20);
  const names = soaRoles.flatMap((role) => (typeof o[role] === 'string' ? [o[role]] : []));
  const findIn = (r: TableRow, name: string) =>
    r.cells.findIndex((c) => c.trim() !== '' && normalizeHeader(c) === normalizeHeader(name));
  const headerRow =
    o.headerRow !== undefined
      ? rows.find((r) => r.row === o.headerRow)
      : window.find((r) => names.some((n) => findIn(r, n) >= 0));
  const columns: Partial<Record<SoaRole, SoaColumn>> = {};
  for (const role of soaRoles) {
    const v = o[role];
    if (v === undefined) continue;
    let index = typeof v === 'string' && headerRow ? findIn(headerRow, v) : -1;
    if (index < 0 && typeof v === 'number') index = v - 1;
    if (index < 0 && typeof v === 'string' && /^\d+$/.test(v)) index = Number(v) - 1;
    if (index < 0 && typeof v === 'string') index = columnIndex(v) ?? -1;
    if (index < 0)
      throw tableError(
        'unknown_column',
        `--columns ${role}: no column named "${v}"`,
        { file },
        { role, column: String(v) },
      );
    columns[role] = {
      index,
      letter: columnLetter(index),
      header: headerRow?.cells[index]?.trim() || null,
      matchedBy: 'override',
    };
  }
  const firstId = rows.find((r) => parseLooseIsoId(r.cells[columns.id!.index] ?? ''));
  return {
    headerRow: headerRow?.row ?? null,
    dataStartRow: headerRow ? headerRow.row + 1 : (firstId?.row ?? 1),
    columns: { ...columns, id: columns.id! },
    score: 100,
    explanation: [
      `columns given with --columns: ${Object.entries(columns)
        .map(([r, c]) => `${r} ${c.letter}`)
        .join(', ')}`,
    ],
  };
}
