import { describe, expect, it } from 'vitest';
import { idCandidates, idFamily, isMandatory, nistLabel, normalizeId, normalizeIsmapId, normalizeIsoId, normalizeNistId } from './ids';

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

  it.each(['ac-2', 'access', '9.2.3.11.X', '', '1.2.3.4.5'])('ISMAP rejects %s', (raw) => expect(normalizeIsmapId(raw)).toBeNull());

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
  const node = (kind: string, tier: string | undefined, flags: string[] = []) => ({ kind, flags, props: (tier ? { tier } : {}) as Record<string, string> });
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
