import { describe, expect, it } from 'vitest';
import { detectIsoEdition, parseLooseIsoId } from './iso-ids';
import { validateSoa, type SoaInput } from './soa';

const known: SoaInput['known'] = {
  controls2013: new Set(['A.5.1.1', 'A.5.1.2', 'A.9.2.3', 'A.9.2.4']),
  objectives2013: new Set(['A.5.1', 'A.9.2']),
  clauses2013: new Set(['6.1.2', '4.1']),
  controls2022: new Set(['A.5.1', 'A.5.15', 'A.8.2']),
  themes2022: new Set(['A.5', 'A.8']),
};
const cols: SoaInput['columns'] = {
  id: { index: 0, letter: 'A' },
  applicable: { index: 1, letter: 'B' },
  implemented: { index: 2, letter: 'C' },
};
const input = (rows: string[][], extra: Partial<SoaInput> = {}): SoaInput => ({
  file: 'soa.csv',
  rows: [['id', 'app', 'impl'], ...rows].map((cells, i) => ({ row: i + 1, cells })),
  columns: cols,
  headerRow: 1,
  known,
  ...extra,
});

describe('loose ISO/IEC 27001 ids', () => {
  it.each([
    ['A.9.2.3', 'A.9.2.3', 3],
    ['9.2.3', 'A.9.2.3', 3],
    ['A 9.2.3', 'A.9.2.3', 3],
    ['a.9.2.3', 'A.9.2.3', 3],
    ['Ａ．９．２．３', 'A.9.2.3', 3],
    ['5.15', 'A.5.15', 2],
    ['A.5.15', 'A.5.15', 2],
    ['A.5.15 Access control', 'A.5.15', 2],
  ])('%s → %s', (raw, id, parts) => {
    expect(parseLooseIsoId(raw)).toMatchObject({ id, parts, clause: false });
  });
  it('reads requirement clauses and refuses what is not an id', () => {
    expect(parseLooseIsoId('箇条6.1.2')).toMatchObject({ id: '6.1.2', clause: true });
    expect(parseLooseIsoId('4.1')).toMatchObject({ id: '4.1', clause: true });
    expect(parseLooseIsoId('AC-2')).toBeNull();
    expect(parseLooseIsoId('Policies')).toBeNull();
  });
  it('tells 2013 from 2022 and ignores 2013 headings', () => {
    const ids = (xs: string[]) => xs.map((x) => parseLooseIsoId(x)!);
    expect(detectIsoEdition(ids(['A.5.1', 'A.5.1.1', 'A.9.2.3']), known)).toMatchObject({
      edition: '2013',
      confidence: 'high',
    });
    expect(detectIsoEdition(ids(['5.15', 'A.8.2']), known)).toMatchObject({ edition: '2022', confidence: 'high' });
    expect(detectIsoEdition(ids(['A.9.2.3', '5.15']), known).confidence).toBe('medium');
  });
});

describe('validateSoa', () => {
  it('reads statuses in English and Japanese, skips headings with a warning, keeps clause rows', () => {
    const r = validateSoa(
      input([
        ['A.5.1', '', ''],
        ['A.5.1.1', '適用', '実施済'],
        ['5.1.2', 'Yes', 'partially'],
        ['A 9.2.3', '○', '計画中'],
        ['9.2.4', '適用除外', ''],
        ['箇条6.1.2', '', ''],
      ]),
    );
    expect(r.edition).toBe('2013');
    expect(r.issues.map((i) => i.code)).toEqual(['heading_row']);
    expect(r.posture!.controls.map((c) => [c.id, c.status])).toEqual([
      ['A.5.1.1', 'implemented'],
      ['A.5.1.2', 'partial'],
      ['A.9.2.3', 'planned'],
      ['A.9.2.4', 'not_applicable'],
      ['6.1.2', 'implemented'],
    ]);
    expect(r.posture!.controls[0]!.source).toEqual({ kind: 'soa-row', file: 'soa.csv', row: 3 });
    expect(r.posture!.clauses).toEqual(['6.1.2']);
  });

  it('reports every bad row with row and column and imports nothing', () => {
    const r = validateSoa(
      input([
        ['A.9.2.3', 'yes', 'yes'],
        ['X.1', 'yes', 'yes'],
        ['A.9.2.3', 'yes', 'yes'],
        ['A.9.9.9', 'yes', 'yes'],
        ['A.5.1.1', 'maybe', 'yes'],
        ['A.5.1.2', 'yes', 'sometimes'],
        ['A.5.15', 'yes', 'yes'],
      ]),
    );
    expect(r.posture).toBeNull();
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row, i.column])).toEqual([
      ['invalid_id', 3, 'A'],
      ['duplicate_id', 4, 'A'],
      ['unknown_control', 5, 'A'],
      ['invalid_value', 6, 'B'],
      ['invalid_value', 7, 'C'],
      ['edition_mismatch', 8, 'A'],
    ]);
    expect(r.issues.find((i) => i.code === 'duplicate_id')!.params).toEqual({ id: 'A.9.2.3', firstRow: 2 });
  });

  it('takes the confirmed edition over the detected one', () => {
    const r = validateSoa(input([['5.15', 'yes', 'yes']], { edition: '2013' }));
    expect(r.issues.map((i) => i.code)).toEqual(['edition_mismatch']);
    expect(validateSoa(input([['5.15', 'yes', 'yes']])).posture!.catalog).toBe('iso27001-2022:2022');
  });

  it('an empty table is an error, not an empty import', () => {
    expect(validateSoa(input([])).issues.map((i) => i.code)).toEqual(['no_rows']);
  });
});
