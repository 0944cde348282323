import { normalizeIsmapId } from '../../../core/catalog/ids';
import type { BlockerRule, ClearAction } from '../../../core/statement/blockers';
import type { CriterionKind, StatementTier } from '../../../core/statement/criteria';
import type { ImplementationStatus } from '../../../core/statement/model';
import { inScope, type EffectiveSelection } from '../../../core/statement/selection';

/**
 * What the statement editor's table needs of one row. The API's item rows satisfy it; the table and its filters
 * depend on no more than this, so they are tested (and benched) on plain data.
 */
export interface EditorRow {
  id: string;
  kind: CriterionKind;
  tier: StatementTier;
  clause: string;
  objective: string | null;
  basic: boolean;
  cloud: boolean;
  title: { ja?: string | null; en?: string | null };
  selection: EffectiveSelection;
  status: ImplementationStatus;
  owner: string | null;
  blockers: readonly { rule: BlockerRule; clears: ClearAction }[];
  stale?: boolean;
  /** The item's evidence freshness (in-scope items only; readiness warnings, not blockers). */
  evidence?: 'fresh' | 'stale' | 'no_evidence';
}

// Written out here (not imported as values from core/statement/criteria, which hashes with node:crypto).
export const tiers = ['governance', 'management', 'controls'] as const satisfies readonly StatementTier[];

/** The filters held in the URL (?tier=controls&status=planned&blocker=any&q=9.2.3), so a view can be shared. */
export interface EditorFilter {
  tier: string;
  clause: string;
  /** An effective selection, or `in_scope` (required, selected or inherited: what readiness counts). */
  sel: string;
  status: string;
  /** A user id, `none` (no owner) or empty. */
  owner: string;
  /** A blocker rule, `any`, `none` or empty. */
  blocker: string;
  /** `stale` (some linked evidence is stale for the period), `none` (no evidence yet) or empty. */
  evidence: string;
  q: string;
}
export const filterKeys = ['tier', 'clause', 'sel', 'status', 'owner', 'blocker', 'evidence', 'q'] as const;

export function readFilter(params: URLSearchParams): EditorFilter {
  return Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as unknown as EditorFilter;
}

/** The search params with one filter changed (empty removes it); other params (the open item) are kept. */
export function withFilter(params: URLSearchParams, key: keyof EditorFilter, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

/** A link to the editor's rows matching a filter (the readiness dashboard's numbers point here). */
export function rowsHref(statementId: string, filter: Partial<EditorFilter>): string {
  const p = new URLSearchParams();
  for (const k of filterKeys) if (filter[k]) p.set(k, filter[k]!);
  const qs = p.toString();
  return `/statements/${statementId}${qs ? `?${qs}` : ''}`;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * A predicate for the filter. The search box takes ids however typed (`9.2.3.11pb`, `９．２．３`): an id matches
 * itself and everything below it; anything else searches the titles in both languages.
 */
export function rowMatcher(f: EditorFilter): (r: EditorRow) => boolean {
  const q = f.q.trim();
  const id = q ? normalizeIsmapId(q) : null;
  const text = q && !id ? fold(q) : '';
  return (r) => {
    if (f.tier && r.tier !== f.tier) return false;
    if (f.clause && r.clause !== f.clause) return false;
    if (f.sel === 'in_scope' ? !inScope(r.selection) : f.sel && r.selection !== f.sel) return false;
    if (f.status && r.status !== f.status) return false;
    if (f.owner && (f.owner === 'none' ? r.owner !== null : r.owner !== f.owner)) return false;
    if (f.blocker === 'any' && r.blockers.length === 0) return false;
    if (f.blocker === 'none' && r.blockers.length > 0) return false;
    if (f.blocker && f.blocker !== 'any' && f.blocker !== 'none' && !r.blockers.some((b) => b.rule === f.blocker))
      return false;
    if (f.evidence === 'stale' && r.evidence !== 'stale') return false;
    if (f.evidence === 'none' && r.evidence !== 'no_evidence') return false;
    if (id && r.id !== id && !r.id.startsWith(`${id}.`)) return false;
    if (text && !fold(`${r.id} ${r.title.ja ?? ''} ${r.title.en ?? ''}`).includes(text)) return false;
    return true;
  };
}

export function filterRows<R extends EditorRow>(rows: readonly R[], f: EditorFilter): R[] {
  const match = rowMatcher(f);
  return rows.filter(match);
}

/**
 * Multi-selection as in a file manager: a plain click selects one row, ctrl/cmd toggles one, shift selects the
 * range from the anchor (in the order of the visible rows).
 */
export function nextSelection(
  current: ReadonlySet<string>,
  visibleIds: readonly string[],
  anchor: string | null,
  id: string,
  mods: { shift: boolean; toggle: boolean },
): Set<string> {
  if (mods.shift && anchor !== null) {
    const a = visibleIds.indexOf(anchor);
    const b = visibleIds.indexOf(id);
    if (a >= 0 && b >= 0) {
      const range = visibleIds.slice(Math.min(a, b), Math.max(a, b) + 1);
      const next = mods.toggle ? new Set(current) : new Set<string>();
      for (const r of range) next.add(r);
      return next;
    }
  }
  if (mods.toggle) {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  }
  return new Set([id]);
}
