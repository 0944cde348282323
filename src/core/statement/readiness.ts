import type { Criterion, StatementTier } from './criteria';
import { statementTiers } from './criteria';
import type { AuditPeriod, ImplementationStatus, ItemAnswer, UnderlyingService } from './model';
import { implementationStatuses } from './model';
import { periodProblems } from './audit-period';
import { type Blocker, itemBlockers, periodBlocker } from './blockers';
import { effectiveSelection, effectiveSelections, type EffectiveSelection, inScope } from './selection';

/**
 * Readiness of a statement for registration: counts per tier, clause and objective, and every blocker.
 *
 * `Readiness` is built once over all items (a full pass) and then kept current with `apply()` after each change:
 * only the changed item (and, for an objective, its detailed controls) is recomputed and its old contribution
 * subtracted from its groups, so one change costs microseconds however large the statement is.
 *
 * @example
 *   const r = new Readiness(criteria, answers, scope.underlying, statement.period, statement.previousPeriod);
 *   r.summary().total.percent // 61.8
 *   r.apply({ ...answer, status: 'implemented' }); // incremental
 */
export interface GroupCounts {
  /** Criteria items in the group. */
  items: number;
  /** Declared in the statement: required, selected or inherited. */
  inScope: number;
  /** In scope with no blocker. */
  ready: number;
  /** Items with at least one blocker. */
  blocked: number;
  blockers: number;
  /** Optional detailed controls nobody decided on yet (a warning, not a blocker). */
  undecided: number;
  bySelection: Record<EffectiveSelection, number>;
  /** Implementation status of the in-scope items. */
  byStatus: Record<ImplementationStatus, number>;
  /** ready / inScope × 100, one decimal; 100 for a group with nothing in scope. */
  percent: number;
}

export interface ReadinessSummary {
  total: GroupCounts;
  byTier: Record<StatementTier, GroupCounts>;
  /** In document order: `3.1.1` … `4.4` … `5` … `18`. */
  byClause: { clause: string; tier: StatementTier; counts: GroupCounts }[];
  /** Statement-level blockers (the audit period). */
  statementBlockers: Blocker[];
  blockerCount: number;
  /** True when nothing blocks registration. */
  ready: boolean;
}

export interface ItemState {
  selection: EffectiveSelection;
  status: ImplementationStatus;
  blockers: Blocker[];
}

// Counters are kept flat, one Int32Array row per group: a full build over ~1,300 items touches four rows per item,
// and typed-array slots cost a fraction of string-keyed record updates (measured: bench/statement-readiness).
const SEL = effectiveSelections.length;
const STATUS = implementationStatuses.length;
const ITEMS = 0;
const IN_SCOPE = 1;
const READY = 2;
const BLOCKED = 3;
const BLOCKERS = 4;
const UNDECIDED = 5;
const BY_SELECTION = 6;
const BY_STATUS = BY_SELECTION + SEL;
const SLOTS = BY_STATUS + STATUS;
const selectionSlot = new Map(effectiveSelections.map((s, i) => [s, i]));
const statusSlot = new Map(implementationStatuses.map((s, i) => [s, i]));

/**
 * What depends only on the criteria (the same for every statement on an edition, so built once per criteria list):
 * each item's index, the detailed controls of each objective, the groups and each item's rows in them.
 */
interface Layout {
  index: Map<string, number>;
  children: Map<string, number[]>;
  /** In document order, with each clause's row offset. */
  clauses: { clause: string; tier: StatementTier; row: number }[];
  /** Each objective's group number. */
  objectives: Map<string, number>;
  /** Four row offsets per item: total, tier, clause, objective (-1 when the item has none). */
  rows: Int32Array;
  /** The counters with every group's item count set and everything else zero. */
  base: Int32Array;
}

const layouts = new WeakMap<readonly Criterion[], Layout>();

function layoutOf(criteria: readonly Criterion[]): Layout {
  const cached = layouts.get(criteria);
  if (cached) return cached;
  const index = new Map<string, number>();
  const children = new Map<string, number[]>();
  const clauseRow = new Map<string, number>();
  const clauses: Layout['clauses'] = [];
  const objectives = new Map<string, number>();
  const tierRow = new Map(statementTiers.map((t, i) => [t, 1 + i]));
  let groupCount = 1 + statementTiers.length;
  const rows = new Int32Array(criteria.length * 4);
  criteria.forEach((c, i) => {
    index.set(c.id, i);
    let clause = clauseRow.get(c.clause);
    if (clause === undefined) {
      clauseRow.set(c.clause, (clause = groupCount++));
      clauses.push({ clause: c.clause, tier: c.tier, row: clause * SLOTS });
    }
    let objective = -1;
    if (c.objective !== null) {
      const o = objectives.get(c.objective);
      if (o === undefined) objectives.set(c.objective, (objective = groupCount++));
      else objective = o;
      if (c.kind === 'detailed') {
        const list = children.get(c.objective);
        if (list) list.push(i);
        else children.set(c.objective, [i]);
      }
    }
    rows[i * 4] = 0;
    rows[i * 4 + 1] = tierRow.get(c.tier)! * SLOTS;
    rows[i * 4 + 2] = clause * SLOTS;
    rows[i * 4 + 3] = objective < 0 ? -1 : objective * SLOTS;
  });
  const base = new Int32Array(groupCount * SLOTS);
  for (let k = 0; k < rows.length; k++) if (rows[k]! >= 0) base[rows[k]! + ITEMS]! += 1;
  const layout = { index, children, clauses, objectives, rows, base };
  layouts.set(criteria, layout);
  return layout;
}

/** Consecutive counters as a record keyed by `keys` (a loop: Object.fromEntries costs 4× as much here). */
function slotsOf<K extends string>(c: Int32Array, at: number, keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (let k = 0; k < keys.length; k++) out[keys[k]!] = c[at + k]!;
  return out;
}

/** One group's counters as the API and exports show them. */
function countsAt(c: Int32Array, row: number): GroupCounts {
  const inScopeCount = c[row + IN_SCOPE]!;
  const ready = c[row + READY]!;
  return {
    items: c[row + ITEMS]!,
    inScope: inScopeCount,
    ready,
    blocked: c[row + BLOCKED]!,
    blockers: c[row + BLOCKERS]!,
    undecided: c[row + UNDECIDED]!,
    bySelection: slotsOf(c, row + BY_SELECTION, effectiveSelections),
    byStatus: slotsOf(c, row + BY_STATUS, implementationStatuses),
    percent: inScopeCount === 0 ? 100 : Math.floor((ready / inScopeCount) * 1000) / 10,
  };
}

export class Readiness {
  private readonly layout: Layout;
  private readonly answers = new Map<string, ItemAnswer>();
  private readonly states: ItemState[];
  private readonly counts: Int32Array;
  private underlying = new Map<string, UnderlyingService>();
  private periodBlockers: Blocker[] = [];

  constructor(
    private readonly criteria: readonly Criterion[],
    answers: Iterable<ItemAnswer>,
    underlying: readonly UnderlyingService[] = [],
    period: AuditPeriod | null = null,
    previousPeriod: AuditPeriod | null = null,
  ) {
    this.layout = layoutOf(criteria);
    this.counts = this.layout.base.slice();
    for (const a of answers) this.answers.set(a.itemId, a);
    for (const u of underlying) this.underlying.set(u.id, u);
    this.states = new Array<ItemState>(criteria.length);
    for (let i = 0; i < criteria.length; i++) this.add(i, this.compute(i));
    this.setPeriod(period, previousPeriod);
  }

  private compute(i: number): ItemState {
    const c = this.criteria[i]!;
    const a = this.answers.get(c.id);
    const objectiveAnswer = c.kind === 'detailed' && c.objective !== null ? this.answers.get(c.objective) : undefined;
    const selection = effectiveSelection(c, a, objectiveAnswer);
    return { selection, status: a?.status ?? 'not_started', blockers: itemBlockers(c, selection, a, this.underlying) };
  }

  private add(i: number, s: ItemState, sign: 1 | -1 = 1): void {
    if (sign === 1) this.states[i] = s;
    const c = this.counts;
    const rows = this.layout.rows;
    const declared = inScope(s.selection);
    const sel = BY_SELECTION + selectionSlot.get(s.selection)!;
    const status = BY_STATUS + statusSlot.get(s.status)!;
    const undecided = s.selection === 'undecided';
    const blockers = s.blockers.length;
    for (let k = i * 4; k < i * 4 + 4; k++) {
      const row = rows[k]!;
      if (row < 0) continue;
      c[row + sel]! += sign;
      if (undecided) c[row + UNDECIDED]! += sign;
      c[row + BLOCKERS]! += sign * blockers;
      if (blockers > 0) c[row + BLOCKED]! += sign;
      if (declared) {
        c[row + IN_SCOPE]! += sign;
        c[row + status]! += sign;
        if (blockers === 0) c[row + READY]! += sign;
      }
    }
  }

  private recompute(i: number): void {
    this.add(i, this.states[i]!, -1);
    this.add(i, this.compute(i));
  }

  /** One item's answer changed (or was created): recompute it and, for an objective, its detailed controls. */
  apply(answer: ItemAnswer): void {
    const i = this.layout.index.get(answer.itemId);
    if (i === undefined) return;
    this.answers.set(answer.itemId, answer);
    this.recompute(i);
    const c = this.criteria[i]!;
    if (c.kind === 'objective') for (const k of this.layout.children.get(c.id) ?? []) this.recompute(k);
  }

  /** The scope's underlying services changed: recompute the inherited items. */
  setUnderlying(services: readonly UnderlyingService[]): void {
    this.underlying = new Map(services.map((u) => [u.id, u]));
    this.states.forEach((s, i) => {
      if (s.selection === 'inherited') this.recompute(i);
    });
  }

  setPeriod(period: AuditPeriod | null, previous: AuditPeriod | null): void {
    this.periodBlockers = periodProblems(period, previous).map(periodBlocker);
  }

  item(id: string): ItemState | undefined {
    const i = this.layout.index.get(id);
    return i === undefined ? undefined : this.states[i];
  }

  objective(id: string): GroupCounts | undefined {
    const o = this.layout.objectives.get(id);
    return o === undefined ? undefined : countsAt(this.counts, o * SLOTS);
  }

  summary(): ReadinessSummary {
    const blockerCount = this.counts[BLOCKERS]! + this.periodBlockers.length;
    return {
      total: countsAt(this.counts, 0),
      byTier: Object.fromEntries(statementTiers.map((t, k) => [t, countsAt(this.counts, (1 + k) * SLOTS)])) as Record<
        StatementTier,
        GroupCounts
      >,
      byClause: this.layout.clauses.map(({ clause, tier, row }) => ({
        clause,
        tier,
        counts: countsAt(this.counts, row),
      })),
      statementBlockers: this.periodBlockers,
      blockerCount,
      ready: blockerCount === 0,
    };
  }

  /** Every blocker: the statement's first, then items in document order. */
  blockers(): Blocker[] {
    const out = [...this.periodBlockers];
    for (const s of this.states) for (const b of s.blockers) out.push(b);
    return out;
  }

  /** Items in document order with their state (for the editor's table and exports). */
  items(): { criterion: Criterion; state: ItemState }[] {
    return this.criteria.map((criterion, i) => ({ criterion, state: this.states[i]! }));
  }
}
