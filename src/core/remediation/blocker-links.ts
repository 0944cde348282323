import type { Blocker } from '../statement/blockers';
import type { RemediationItem, RemediationLink } from './model';

/** A blocker link of an item and whether readiness still reports that blocker. */
export interface LinkedBlocker {
  link: RemediationLink;
  cleared: boolean;
}

const matches = (l: RemediationLink, b: Blocker) => l.rule === b.rule && l.target === b.itemId;

/**
 * The item's blocker links against the statement's current blockers: a link whose blocker readiness no longer
 * reports is cleared. Statement-item links count as cleared when the item has no blocker left.
 */
export function linkedBlockers(item: Pick<RemediationItem, 'links'>, blockers: readonly Blocker[]): LinkedBlocker[] {
  return item.links
    .filter((l) => l.kind === 'blocker' || l.kind === 'statement_item')
    .map((link) => ({
      link,
      cleared:
        link.kind === 'blocker'
          ? !blockers.some((b) => matches(link, b))
          : !blockers.some((b) => b.itemId === link.target),
    }));
}

/** The statement items an item links to (blockers and items alike), once each: what closing re-checks. */
export const linkedItemIds = (item: Pick<RemediationItem, 'links'>) => [
  ...new Set(item.links.filter((l) => l.kind !== 'finding' && l.target !== null).map((l) => l.target as string)),
];

/**
 * What a new remediation item made from a blocker starts with: a title naming the rule and item, the blocker's
 * English message as description, and links to the blocker and (when it has one) its statement item.
 *
 * @example itemFromBlocker(b).links // [{ kind: 'blocker', rule: 'basic_not_implemented', target: '5.1.1' }, …]
 */
export function itemFromBlocker(b: Blocker): { title: string; description: string; links: RemediationLink[] } {
  const links: RemediationLink[] = [{ kind: 'blocker', rule: b.rule, target: b.itemId }];
  if (b.itemId !== null) links.push({ kind: 'statement_item', rule: null, target: b.itemId });
  return {
    title: b.itemId ? `${b.itemId}: ${b.rule.replaceAll('_', ' ')}` : b.rule.replaceAll('_', ' '),
    description: b.message,
    links,
  };
}
