/**
 * `--columns` override: which columns hold the id, title and text, as letters ("A"), 1-based numbers (1 or "1") or
 * header names ("管理策番号"). Used when detection guesses wrong.
 */
import { z } from 'zod';
import {
  idLikeShare,
  previewRows,
  sheetColumns,
  type ColumnDetection,
  type DetectedColumn,
  type DetectedColumns,
} from './detect-columns';
import { normalizeHeader, PARENT_ROLES, type ParentRole } from './header-names';
import { columnIndex, columnLetter, tableError } from './table-error';
import type { TableRow } from './types';

export type ColumnRef =
  { kind: 'letter'; letter: string } | { kind: 'number'; number: number } | { kind: 'header'; name: string };

export interface ColumnsOption extends Partial<Record<ParentRole, ColumnRef>> {
  id: ColumnRef;
  title?: ColumnRef;
  text?: ColumnRef;
  /** 1-based header row; found automatically when omitted. */
  headerRow?: number;
}

const refSchema = z.union([z.number().int().min(1).max(16384), z.string().trim().min(1).max(200)]);
const parentRefs = Object.fromEntries(PARENT_ROLES.map((r) => [r, refSchema.optional()])) as Record<
  ParentRole,
  z.ZodOptional<typeof refSchema>
>;
const optionSchema = z
  .strictObject({
    id: refSchema,
    title: refSchema.optional(),
    text: refSchema.optional(),
    ...parentRefs,
    headerRow: z.number().int().min(1).optional(),
  })
  .refine((o) => o.title !== undefined || o.text !== undefined, { message: 'give at least "text" or "title"' });

function toRef(v: number | string): ColumnRef {
  if (typeof v === 'number') return { kind: 'number', number: v };
  if (/^\d+$/.test(v)) return { kind: 'number', number: Number(v) };
  if (/^[A-Za-z]{1,3}$/.test(v)) return { kind: 'letter', letter: v.toUpperCase() };
  return { kind: 'header', name: v };
}

/**
 * Parses the JSON given to `--columns`.
 * @example parseColumnsOption('{"id":"A","title":"B","text":"C"}')
 * @example parseColumnsOption('{"id":"管理策番号","text":"本文"}')
 */
export function parseColumnsOption(json: string): ColumnsOption {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw tableError(
      'bad_columns_option',
      `--columns is not valid JSON: ${json.slice(0, 80)} (example: {"id":"A","title":"B","text":"C"})`,
    );
  }
  const parsed = optionSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    throw tableError(
      'bad_columns_option',
      `--columns: ${detail} (example: {"id":"A","title":"B","text":"C"} or {"id":"管理策番号","text":"本文"})`,
    );
  }
  const o = parsed.data;
  const out: ColumnsOption = { id: toRef(o.id) };
  if (o.title !== undefined) out.title = toRef(o.title);
  if (o.text !== undefined) out.text = toRef(o.text);
  for (const role of PARENT_ROLES) {
    const v = o[role];
    if (v !== undefined) out[role] = toRef(v);
  }
  if (o.headerRow !== undefined) out.headerRow = o.headerRow;
  return out;
}

/**
 * Applies the override to one sheet. Letters that are also the exact text of a header cell ("ID") mean the header.
 * Throws `unknown_column` naming the headers that do exist.
 */
export function applyColumnsOption(rows: readonly TableRow[], option: ColumnsOption, file?: string): ColumnDetection {
  const window = rows.filter((r) => r.cells.some((c) => c.trim() !== '')).slice(0, 20);
  const refs: Record<string, ColumnRef | undefined> = { id: option.id, title: option.title, text: option.text };
  for (const role of PARENT_ROLES) refs[role] = option[role];
  const named = Object.values(refs).flatMap((r) =>
    r?.kind === 'header' ? [r.name] : r?.kind === 'letter' ? [r.letter] : [],
  );
  const findIn = (r: TableRow, name: string) =>
    r.cells.findIndex((c) => c.trim() !== '' && normalizeHeader(c) === normalizeHeader(name));
  const headerRow =
    option.headerRow !== undefined
      ? rows.find((r) => r.row === option.headerRow)
      : window.find((r) => named.some((n) => findIn(r, n) >= 0));
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);

  const resolve = (role: string, ref: ColumnRef): DetectedColumn => {
    const byHeader =
      headerRow && ref.kind !== 'number' ? findIn(headerRow, ref.kind === 'header' ? ref.name : ref.letter) : -1;
    let index = byHeader;
    if (index < 0 && ref.kind === 'letter') index = columnIndex(ref.letter) ?? -1;
    if (index < 0 && ref.kind === 'number') index = ref.number - 1;
    if (index < 0) {
      const seen = headerRow
        ? headerRow.cells
            .map((c) => c.trim())
            .filter(Boolean)
            .map((c) => `"${c}"`)
            .join(', ')
        : '';
      const name = ref.kind === 'header' ? ref.name : '';
      throw tableError(
        'unknown_column',
        `--columns ${role}: no column named "${name}"${seen ? ` (headers in row ${headerRow?.row}: ${seen})` : ''}`,
        file === undefined ? {} : { file },
        { role, column: name },
      );
    }
    if (index >= width) {
      throw tableError(
        'unknown_column',
        `--columns ${role}: column ${columnLetter(index)} is beyond the data (the sheet has columns A–${columnLetter(Math.max(0, width - 1))})`,
        file === undefined ? {} : { file },
        { role, column: columnLetter(index) },
      );
    }
    return {
      index,
      letter: columnLetter(index),
      header: headerRow ? (headerRow.cells[index] ?? '').trim() || null : null,
      matchedBy: 'override',
    };
  };

  const id = resolve('id', option.id);
  const title = option.title ? resolve('title', option.title) : null;
  const text = option.text ? resolve('text', option.text) : null;
  const columns: DetectedColumns = { id, title, text };
  for (const role of PARENT_ROLES) {
    const ref = option[role];
    if (ref) columns[role] = resolve(role, ref);
  }
  // Without a header row, data starts at the first row whose id cell looks like an id.
  const firstId = rows.find((r) => idLikeShare([r], id.index) === 1);
  const dataStartRow = headerRow ? headerRow.row + 1 : (firstId?.row ?? rows[0]?.row ?? 1);
  const data = rows.filter((r) => r.row >= dataStartRow);
  const given = Object.entries(columns)
    .filter(([, c]) => c)
    .map(([role, c]) => `${role} ${(c as DetectedColumn).letter}`);
  return {
    headerRow: headerRow?.row ?? null,
    dataStartRow,
    columns,
    uncertain: [],
    sheetColumns: sheetColumns(data, headerRow?.cells),
    confidence: 'high',
    score: 100 + idLikeShare(data, id.index),
    explanation: [`columns given with --columns: ${given.join(', ')}`],
    preview: previewRows(data, columns),
  };
}
