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

const zeroCounts = (): GroupCounts => ({
  items: 0,
  inScope: 0,
  ready: 0,
  blocked: 0,
  blockers: 0,
  undecided: 0,
  bySelection: Object.fromEntries(effectiveSelections.map((s) => [s, 0])) as Record<EffectiveSelection, number>,
  byStatus: Object.fromEntries(implementationStatuses.map((s) => [s, 0])) as Record<ImplementationStatus, number>,
  percent: 100,
});

const withPercent = (g: GroupCounts): GroupCounts => ({
  ...g,
  bySelection: { ...g.bySelection },
  byStatus: { ...g.byStatus },
  percent: g.inScope === 0 ? 100 : Math.floor((g.ready / g.inScope) * 1000) / 10,
});

export class Readiness {
  private readonly index = new Map<string, number>();
  private readonly children = new Map<string, number[]>();
  private readonly answers = new Map<string, ItemAnswer>();
  private readonly states: ItemState[];
  /** Each item's groups: total, its tier, its clause, its objective (if any). */
  private readonly groupsOf: GroupCounts[][];
  private readonly total = zeroCounts();
  private readonly tiers = Object.fromEntries(statementTiers.map((t) => [t, zeroCounts()])) as Record<
    StatementTier,
    GroupCounts
  >;
  private readonly clauses = new Map<string, { tier: StatementTier; counts: GroupCounts }>();
  private readonly objectives = new Map<string, GroupCounts>();
  private underlying = new Map<string, UnderlyingService>();
  private periodBlockers: Blocker[] = [];

  constructor(
    private readonly criteria: readonly Criterion[],
    answers: Iterable<ItemAnswer>,
    underlying: readonly UnderlyingService[] = [],
    period: AuditPeriod | null = null,
    previousPeriod: AuditPeriod | null = null,
  ) {
    for (const a of answers) this.answers.set(a.itemId, a);
    for (const u of underlying) this.underlying.set(u.id, u);
    this.groupsOf = new Array<GroupCounts[]>(criteria.length);
    this.states = new Array<ItemState>(criteria.length);
    criteria.forEach((c, i) => {
      this.index.set(c.id, i);
      let clause = this.clauses.get(c.clause);
      if (!clause) this.clauses.set(c.clause, (clause = { tier: c.tier, counts: zeroCounts() }));
      const groups = [this.total, this.tiers[c.tier], clause.counts];
      if (c.objective !== null) {
        let o = this.objectives.get(c.objective);
        if (!o) this.objectives.set(c.objective, (o = zeroCounts()));
        groups.push(o);
        if (c.kind === 'detailed') {
          const list = this.children.get(c.objective);
          if (list) list.push(i);
          else this.children.set(c.objective, [i]);
        }
      }
      this.groupsOf[i] = groups;
      for (const g of groups) g.items += 1;
    });
    criteria.forEach((_, i) => this.add(i, this.compute(i)));
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
    const declared = inScope(s.selection);
    for (const g of this.groupsOf[i]!) {
      g.bySelection[s.selection] += sign;
      if (s.selection === 'undecided') g.undecided += sign;
      g.blockers += sign * s.blockers.length;
      if (s.blockers.length > 0) g.blocked += sign;
      if (declared) {
        g.inScope += sign;
        g.byStatus[s.status] += sign;
        if (s.blockers.length === 0) g.ready += sign;
      }
    }
  }

  private recompute(i: number): void {
    this.add(i, this.states[i]!, -1);
    this.add(i, this.compute(i));
  }

  /** One item's answer changed (or was created): recompute it and, for an objective, its detailed controls. */
  apply(answer: ItemAnswer): void {
    const i = this.index.get(answer.itemId);
    if (i === undefined) return;
    this.answers.set(answer.itemId, answer);
    this.recompute(i);
    const c = this.criteria[i]!;
    if (c.kind === 'objective') for (const k of this.children.get(c.id) ?? []) this.recompute(k);
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
    const i = this.index.get(id);
    return i === undefined ? undefined : this.states[i];
  }

  objective(id: string): GroupCounts | undefined {
    const o = this.objectives.get(id);
    return o && withPercent(o);
  }

  summary(): ReadinessSummary {
    const blockerCount = this.total.blockers + this.periodBlockers.length;
    return {
      total: withPercent(this.total),
      byTier: Object.fromEntries(statementTiers.map((t) => [t, withPercent(this.tiers[t])])) as Record<
        StatementTier,
        GroupCounts
      >,
      byClause: [...this.clauses].map(([clause, { tier, counts }]) => ({ clause, tier, counts: withPercent(counts) })),
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
