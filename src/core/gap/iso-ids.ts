/**
 * Loose ISO/IEC 27001 Annex A ids as people type them in a Statement of Applicability: `A.9.2.3`, `9.2.3`,
 * `A 9.2.3`, `a.9.2.3`, `Ａ．９．２．３`, `5.15`, `A.5.15`, often followed by the control's title in the same cell.
 * 2013 controls have three numbers, 2022 controls two (themes 5–8), which is how the edition is told apart.
 */
export interface LooseIsoId {
  /** `A.9.2.3` or `A.5.15`, or a requirement clause without `A.` (`6.1.2`) when `clause` is true. */
  id: string;
  parts: number;
  /** Written as a requirement clause (`Clause 6.1.2`, `箇条6.1.2`) or in chapter 4, which Annex A does not have. */
  clause: boolean;
  /** Text after the id in the same cell. */
  rest: string;
}

const CLAUSE_PREFIX = /^(?:clause|箇条|isms)\s*/i;

export function parseLooseIsoId(raw: string): LooseIsoId | null {
  const s = raw
    .normalize('NFKC')
    .replace(/[。、]/g, '.')
    .trim();
  const clausePrefixed = CLAUSE_PREFIX.test(s);
  const body = s.replace(CLAUSE_PREFIX, '');
  const m = /^([Aa]\s*\.?\s*)?(\d{1,2}(?:\s*\.\s*\d{1,2}){1,2})(?=$|[\s:：)\]）-])\s*[:：)\]）-]?\s*(.*)$/.exec(body);
  if (!m) return null;
  const nums = m[2]!.split('.').map((n) => String(Number(n.trim())));
  const annex = m[1] !== undefined;
  const clause = clausePrefixed || (!annex && nums[0] === '4');
  const id = clause ? nums.join('.') : `A.${nums.join('.')}`;
  return { id, parts: nums.length, clause, rest: m[3]!.trim() };
}

export type IsoEdition = '2013' | '2022';

export interface EditionDetection {
  edition: IsoEdition;
  /** high: every id fits one edition (2013 headings aside); medium: both kinds present; low: no known id. */
  confidence: 'high' | 'medium' | 'low';
  count2013: number;
  count2022: number;
}

/**
 * Reads the edition from the ids: three-number ids that are 2013 controls vote 2013, two-number ids that are 2022
 * controls but not 2013 objectives (a 2013 SoA's headings, `A.9.2`) vote 2022.
 * @example detectIsoEdition(['A.9.2.3', 'A.9.2.4'], known).edition // '2013'
 */
export function detectIsoEdition(
  ids: readonly LooseIsoId[],
  known: { controls2013: ReadonlySet<string>; objectives2013: ReadonlySet<string>; controls2022: ReadonlySet<string> },
): EditionDetection {
  let c13 = 0;
  let c22 = 0;
  let ambiguous = 0;
  for (const x of ids) {
    if (x.clause) continue;
    if (x.parts === 3 && known.controls2013.has(x.id)) c13++;
    else if (x.parts === 2 && known.controls2022.has(x.id)) {
      if (known.objectives2013.has(x.id)) ambiguous++;
      else c22++;
    }
  }
  if (c13 === 0 && c22 === 0)
    return { edition: ambiguous > 0 ? '2022' : '2013', confidence: 'low', count2013: 0, count2022: ambiguous };
  if (c13 >= c22) return { edition: '2013', confidence: c22 === 0 ? 'high' : 'medium', count2013: c13, count2022: c22 };
  return { edition: '2022', confidence: c13 === 0 ? 'high' : 'medium', count2013: c13, count2022: c22 + ambiguous };
}
