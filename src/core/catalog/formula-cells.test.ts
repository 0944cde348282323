import { describe, expect, it } from 'vitest';
import { neutralizeFormula, startsLikeFormula } from './formula-cells';

describe('formula cells', () => {
  it('finds the four formula starts and a leading tab or carriage return', () => {
    for (const s of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")']) {
      expect(startsLikeFormula(s), s).toBe(true);
    }
  });

  it('leaves prose and plain numbers alone', () => {
    for (const s of ['アクセスを制限する。', 'a = b', '-5', '+81', '1,000', '', '９．２．３']) {
      expect(startsLikeFormula(s), s).toBe(false);
    }
  });

  it("neutralizes with a leading ' and only when needed", () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('@x')).toBe("'@x");
    expect(neutralizeFormula('本文')).toBe('本文');
  });
});
