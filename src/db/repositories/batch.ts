/** Rows per INSERT: large enough to amortise round trips, small enough to stay far below 65,535 parameters. */
export const BATCH_ROWS = 500;

export function chunks<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
