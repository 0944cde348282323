import { describe, expect, it } from 'vitest';
import { isIsmapIdShape, normalizeImportId } from './text-import-ids';

describe('normalizeImportId', () => {
  it.each([
    ['9.2.3.11.PB', '9.2.3.11.PB'],
    ['9.2.3.11pb', '9.2.3.11.PB'],
    ['9.2.3.11 PB', '9.2.3.11.PB'],
    ['9.2.3.11.P.B', '9.2.3.11.PB'],
    ['9.2.3.11.bp', '9.2.3.11.PB'],
    ['８．１．５．４．Ｐ', '8.1.5.4.P'],
    [' 3.1.2.1. ', '3.1.2.1'],
    ['4.4.7.1..', '4.4.7.1'],
    ['9.2.3', '9.2.3'],
    ['12.2.1.15 b', '12.2.1.15.B'],
    ['09.02.03', '9.2.3'],
    ['9。2。3', '9.2.3'],
  ])('%s → %s', (raw, id) => {
    expect(normalizeImportId(raw)).toBe(id);
    expect(isIsmapIdShape(normalizeImportId(raw))).toBe(true);
  });

  it.each(['9', '9.2.3.4.5', '9.2.3.PP', 'A.9.2.3', '第5章', '9.2.x', ''])('%s is not an ISMAP id', (raw) => {
    expect(isIsmapIdShape(normalizeImportId(raw))).toBe(false);
  });
});
