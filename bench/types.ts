/** One named benchmark number. `target` states the goal in words, e.g. '≤ 50 ms'. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  /** Whether the value meets the target, when there is one. */
  ok?: boolean;
}
