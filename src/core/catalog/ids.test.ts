import { describe, expect, it } from 'vitest';
import {
  compareIds,
  idCandidates,
  idFamily,
  isMandatory,
  nistLabel,
  normalizeId,
  normalizeIsmapId,
  normalizeIsoId,
  normalizeNistId,
} from './ids';

describe('loose id normalisation', () => {
  it.each([
    ['9.2.3.11pb', '9.2.3.11.PB'],
    ['９．２．３．１１ＰＢ', '9.2.3.11.PB'],
    ['9.2.3.11 PB', '9.2.3.11.PB'],
    ['9.2.3.11.PB', '9.2.3.11.PB'],
    [' 15.1.1.14b ', '15.1.1.14.B'],
    ['6.3p', '6.3.P'],
    ['９。２。３', '9.2.3'],
    ['09.02.03', '9.2.3'],
  ])('ISMAP %s → %s', (raw, id) => expect(normalizeIsmapId(raw)).toBe(id));

  it.each(['ac-2', 'access', '9.2.3.11.X', '', '1.2.3.4.5'])('ISMAP rejects %s', (raw) =>
    expect(normalizeIsmapId(raw)).toBeNull(),
  );

  it.each([
    ['ac-2.1', 'ac-2.1'],
    ['AC-2(1)', 'ac-2.1'],
    ['ac 2 (1)', 'ac-2.1'],
    ['AC-02(01)', 'ac-2.1'],
    ['ＡＣ－２（１）', 'ac-2.1'],
    ['AC-2', 'ac-2'],
    ['sc7', 'sc-7'],
    ['AC', 'ac'],
  ])('NIST %s → %s', (raw, id) => expect(normalizeNistId(raw)).toBe(id));

  it.each(['9.2.3', 'access control', 'a-2'])('NIST rejects %s', (raw) => expect(normalizeNistId(raw)).toBeNull());

  it.each([
    ['a.5.15', 'A.5.15'],
    ['A 5.15', 'A.5.15'],
    ['5.15', 'A.5.15'],
    ['Ａ．９．２．３', 'A.9.2.3'],
    ['A9.2.3', 'A.9.2.3'],
  ])('ISO %s → %s', (raw, id) => expect(normalizeIsoId(raw)).toBe(id));

  it('dispatches by catalog name and lists both ISO readings of a bare number', () => {
    expect(idFamily('fedramp-rev5-moderate')).toBe('nist');
    expect(normalizeId('nist-800-53r4', 'AC-2(1)')).toBe('ac-2.1');
    expect(normalizeId('ismap', '9.2.3.11pb')).toBe('9.2.3.11.PB');
    expect(normalizeId('iso27001-2022', '5.15')).toBe('A.5.15');
    expect(idCandidates('iso27001-2013', '5.2')).toEqual(['A.5.2', '5.2']);
    expect(idCandidates('iso27001-2013', 'a.5.2')).toEqual(['A.5.2']);
    expect(nistLabel('ac-2.1')).toBe('AC-2(1)');
    expect(nistLabel('sc-7')).toBe('SC-7');
  });
});

describe('isMandatory', () => {
  const node = (kind: string, tier: string | undefined, flags: string[] = []) => ({
    kind,
    flags,
    props: (tier ? { tier } : {}) as Record<string, string>,
  });
  it('follows the basic statement requirements', () => {
    expect(isMandatory(node('item', 'governance'))).toBe(true);
    expect(isMandatory(node('process', 'governance'))).toBe(false);
    expect(isMandatory(node('item', 'management'))).toBe(true);
    expect(isMandatory(node('group', 'management'))).toBe(false);
    expect(isMandatory(node('objective', 'controls'))).toBe(true);
    expect(isMandatory(node('objective', 'controls', ['P']))).toBe(true);
    expect(isMandatory(node('detailed', 'controls', ['P', 'B']))).toBe(true);
    expect(isMandatory(node('detailed', 'controls', ['B']))).toBe(true);
    expect(isMandatory(node('detailed', 'controls', ['P']))).toBe(false);
    expect(isMandatory(node('category', 'controls'))).toBe(false);
    expect(isMandatory(node('objective', undefined))).toBe(false);
  });
});

describe('compareIds', () => {
  const sorted = (ids: string[]) => [...ids].sort(compareIds);
  it('orders ISMAP numbers numerically, suffixes after the bare number', () => {
    expect(sorted(['9.2.3.2', '9.2.3.11.PB', '9.2.3.10', '9.2.3.1', '9.2.3', '10.1.1', '9.5.P', '9.5'])).toEqual([
      '9.2.3',
      '9.2.3.1',
      '9.2.3.2',
      '9.2.3.10',
      '9.2.3.11.PB',
      '9.5',
      '9.5.P',
      '10.1.1',
    ]);
  });
  it('puts NIST enhancements after their control and ac-2 before ac-10', () => {
    expect(sorted(['ac-10', 'ac-2.1', 'ac-2', 'ac-2.10', 'ac-2.2', 'ac-3', 'ac'])).toEqual([
      'ac',
      'ac-2',
      'ac-2.1',
      'ac-2.2',
      'ac-2.10',
      'ac-3',
      'ac-10',
    ]);
    expect(sorted(['AC-2(10)', 'AC-2(2)', 'AC-2'])).toEqual(['AC-2', 'AC-2(2)', 'AC-2(10)']);
  });
  it('orders ISO Annex A ids and full node keys naturally', () => {
    expect(sorted(['A.10.1.1', 'A.9.2.3', 'A.9.2.10'])).toEqual(['A.9.2.3', 'A.9.2.10', 'A.10.1.1']);
    expect(
      sorted([
        'nist-800-53r5:5.1.1:ac-10',
        'ismap:2024-07:9.2.3.10',
        'ismap:2024-07:9.2.3.2',
        'nist-800-53r5:5.1.1:ac-2',
      ]),
    ).toEqual([
      'ismap:2024-07:9.2.3.2',
      'ismap:2024-07:9.2.3.10',
      'nist-800-53r5:5.1.1:ac-2',
      'nist-800-53r5:5.1.1:ac-10',
    ]);
  });
  it('is a total order: equal only for the same string', () => {
    expect(compareIds('9.2.3', '9.2.3')).toBe(0);
    expect(Math.sign(compareIds('09.2', '9.2'))).toBe(-Math.sign(compareIds('9.2', '09.2')));
    expect(compareIds('09.2', '9.2')).not.toBe(0);
  });
});
