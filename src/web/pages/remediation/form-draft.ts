import type { CreateRemediation, RemediationEntry, UpdateRemediation } from '../../api/remediation';

type Link = RemediationEntry['links'][number];

/** What the item form edits; dates are ISO days, empty strings while a field is blank. */
export interface RemediationDraft {
  title: string;
  description: string;
  owner: string;
  risk: RemediationEntry['risk'];
  plannedCompletion: string;
  actualCompletion: string;
  milestones: { id?: string; title: string; plannedDate: string; actualDate: string }[];
  links: Link[];
}

export const emptyDraft: RemediationDraft = {
  title: '',
  description: '',
  owner: '',
  risk: 'moderate',
  plannedCompletion: '',
  actualCompletion: '',
  milestones: [],
  links: [],
};

export const toDraft = (e: RemediationEntry): RemediationDraft => ({
  title: e.title,
  description: e.description,
  owner: e.owner ?? '',
  risk: e.risk,
  plannedCompletion: e.plannedCompletion ?? '',
  actualCompletion: e.actualCompletion ?? '',
  milestones: e.milestones.map((m) => ({ ...m, actualDate: m.actualDate ?? '' })),
  links: e.links,
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);

const common = (d: RemediationDraft) => ({
  title: d.title,
  description: d.description,
  owner: orNull(d.owner),
  risk: d.risk,
  plannedCompletion: orNull(d.plannedCompletion),
  milestones: d.milestones.map((m) => ({
    ...(m.id ? { id: m.id } : {}),
    title: m.title,
    plannedDate: m.plannedDate,
    actualDate: orNull(m.actualDate),
  })),
  links: d.links.map((l) => ({ kind: l.kind, target: l.target, rule: l.rule })),
});

export const createBody = (d: RemediationDraft): CreateRemediation => common(d);

/** The actual completion is the day the item closed: editable only on a closed item. */
export const updateBody = (d: RemediationDraft, version: number, closed: boolean): UpdateRemediation => ({
  version,
  ...common(d),
  ...(closed ? { actualCompletion: orNull(d.actualCompletion) } : {}),
});

export const sameLink = (a: Link, b: Link) => a.kind === b.kind && a.target === b.target && a.rule === b.rule;
