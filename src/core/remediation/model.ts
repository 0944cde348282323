import type { BlockerRule } from '../statement/blockers';

/**
 * The remediation plan (POA&M, 改善計画): what a CSP will do, by when, to clear the gaps that block its statement.
 * An item belongs to one statement (and so to its CSP organization) and links to what it clears: a readiness
 * blocker (rule + item), a statement item, or — once audits exist — an audit finding. Links are one generic shape
 * so a new kind is a new `kind` value, not a new table.
 */
export const remediationStatuses = ['open', 'in_progress', 'completed', 'risk_accepted', 'cancelled'] as const;
export type RemediationStatus = (typeof remediationStatuses)[number];

export const remediationRisks = ['low', 'moderate', 'high'] as const;
export type RemediationRisk = (typeof remediationRisks)[number];

export const remediationLinkKinds = ['blocker', 'statement_item', 'finding'] as const;
export type RemediationLinkKind = (typeof remediationLinkKinds)[number];

/**
 * `blocker`: `rule` and `target` (the statement item id, null for a statement-level blocker such as the period);
 * `statement_item`: `target` is the item id; `finding`: `target` is the finding's id (audits come later).
 */
export interface RemediationLink {
  kind: RemediationLinkKind;
  target: string | null;
  rule: BlockerRule | null;
}

export interface Milestone {
  id: string;
  title: string;
  plannedDate: string;
  actualDate: string | null;
}

export interface RemediationItem {
  id: string;
  orgId: string;
  statementId: string;
  title: string;
  description: string;
  owner: string | null;
  risk: RemediationRisk;
  status: RemediationStatus;
  /** Dates are ISO calendar days (`2026-03-31`). */
  plannedCompletion: string | null;
  actualCompletion: string | null;
  milestones: Milestone[];
  links: RemediationLink[];
  /** The OSCAL poam-item uuid it was imported from or exported as (stable across export → import). */
  oscalUuid: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export const sameLink = (a: RemediationLink, b: RemediationLink) =>
  a.kind === b.kind && a.target === b.target && a.rule === b.rule;

/** An item as read from outside (an OSCAL POA&M): ids, version and owner organization are the importer's. */
export interface RemediationDraft {
  oscalUuid: string;
  title: string;
  description: string;
  owner: string | null;
  risk: RemediationRisk;
  status: RemediationStatus;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  milestones: Omit<Milestone, 'id'>[];
  links: RemediationLink[];
}
