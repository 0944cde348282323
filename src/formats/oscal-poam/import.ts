import { DomainError, type Issue } from '../../core/errors';
import {
  remediationLinkKinds,
  remediationRisks,
  remediationStatuses,
  type RemediationDraft,
  type RemediationLink,
  type RemediationRisk,
  type RemediationStatus,
} from '../../core/remediation/model';
import { blockerRules, type BlockerRule } from '../../core/statement/blockers';
import { oscalError, validateOscalDocument } from '../oscal';
import { ISMAP_NS, nameUuid } from '../oscal/export-catalog';

export type PoamItemDraft = RemediationDraft;

type Prop = { name: string; value: string; ns?: string };
type Task = {
  type?: string;
  title?: string;
  props?: Prop[];
  timing?: { 'on-date'?: { date: string }; 'within-date-range'?: { end: string } };
};
type Risk = {
  uuid: string;
  status?: string;
  deadline?: string;
  characterizations?: { facets?: { name: string; value: string }[] }[];
  remediations?: { tasks?: Task[] }[];
};
type PoamItem = {
  uuid?: string;
  title: string;
  description: string;
  props?: Prop[];
  'related-risks'?: { 'risk-uuid': string }[];
};

const ours = (props: Prop[] | undefined, name: string) =>
  (props ?? []).filter((p) => p.name === name && p.ns === ISMAP_NS).map((p) => p.value);
const one = (props: Prop[] | undefined, name: string) => ours(props, name)[0];
const day = (dateTime: string | undefined) => (dateTime ? dateTime.slice(0, 10) : null);
const isOf = <T extends string>(list: readonly T[], v: string | undefined): v is T =>
  v !== undefined && (list as readonly string[]).includes(v);

/** OSCAL risk statuses (tokens) as our workflow; anything else reads as open. */
const statusFromRisk: Record<string, RemediationStatus> = {
  open: 'open',
  investigating: 'in_progress',
  remediating: 'in_progress',
  'deviation-requested': 'in_progress',
  'deviation-approved': 'risk_accepted',
  closed: 'completed',
};
const levels: RemediationRisk[] = ['low', 'moderate', 'high'];
const levelOf = (v: string) => (v === 'medium' ? 'moderate' : isOf(remediationRisks, v) ? v : null);

/** A facet named risk wins; else the higher of likelihood and impact; else moderate. */
function riskOf(risk: Risk | undefined): RemediationRisk {
  const facets = (risk?.characterizations ?? []).flatMap((c) => c.facets ?? []);
  const named = facets.find((f) => f.name === 'risk' && levelOf(f.value.toLowerCase()));
  if (named) return levelOf(named.value.toLowerCase())!;
  const found = facets
    .filter((f) => f.name === 'likelihood' || f.name === 'impact')
    .map((f) => levelOf(f.value.toLowerCase()))
    .filter((l): l is RemediationRisk => l !== null);
  return found.length ? levels[Math.max(...found.map((l) => levels.indexOf(l)))]! : 'moderate';
}

function linkOf(value: string, path: (string | number)[], issues: Issue[]): RemediationLink | null {
  const [kind, rule, ...rest] = value.split(':');
  const target = rest.join(':');
  if (!isOf(remediationLinkKinds, kind) || target === '' || (rule !== '' && !isOf(blockerRules, rule))) {
    issues.push({ path, message: `not a remediation link: ${value}`, code: 'poam_bad_link', params: { value } });
    return null;
  }
  return { kind, rule: rule === '' ? null : (rule as BlockerRule), target: target === '-' ? null : target };
}

const jsonPath = (p: (string | number)[]) => '$' + p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');

/**
 * Reads an OSCAL plan-of-action-and-milestones (1.0–1.1 against NIST's 1.1.3 schema, 1.2 against 1.2.1) into item
 * drafts. Any schema problem, or a value of ours that does not parse, fails the whole import with every problem at
 * its JSON path (`$.plan-of-action-and-milestones.poam-items[0].title`); nothing is returned half read. Items written
 * by ISMAP Hub come back exactly (our namespaced props); others take status, deadline, risk and milestones from the
 * risks they relate to.
 */
export function oscalToRemediationPlan(doc: unknown, opts: { file?: string } = {}): PoamItemDraft[] {
  const file = opts.file ? { file: opts.file } : {};
  const v = validateOscalDocument(doc);
  if (!v.valid || v.model !== 'plan-of-action-and-milestones') {
    const errors =
      v.model && v.model !== 'plan-of-action-and-milestones'
        ? [
            oscalError(
              'oscal_wrong_model',
              { expected: 'plan-of-action-and-milestones', model: v.model },
              '$',
              `expected a plan-of-action-and-milestones, got a ${v.model}`,
            ),
          ]
        : v.errors;
    throw new DomainError(
      'import_failed',
      `not a valid OSCAL plan-of-action-and-milestones (${errors.length} problem(s))`,
      errors.map((e) => ({ ...e, path: [e.path], ...file })),
      { reason: 'oscal_invalid', params: { count: errors.length, model: 'plan-of-action-and-milestones' } },
    );
  }
  const poam = (doc as Record<string, { risks?: Risk[]; 'poam-items': PoamItem[] }>)['plan-of-action-and-milestones']!;
  const risks = new Map((poam.risks ?? []).map((r) => [r.uuid, r]));
  const issues: Issue[] = [];
  const drafts = poam['poam-items'].map((p, i): PoamItemDraft => {
    const at = ['plan-of-action-and-milestones', 'poam-items', i];
    const risk = (p['related-risks'] ?? []).map((r) => risks.get(r['risk-uuid'])).find((r) => r !== undefined);
    const status = one(p.props, 'status');
    const level = one(p.props, 'risk');
    if (status !== undefined && !isOf(remediationStatuses, status))
      issues.push({
        path: [jsonPath([...at, 'props'])],
        message: `unknown status ${status}`,
        code: 'poam_bad_value',
        params: { name: 'status', value: status },
      });
    if (level !== undefined && !isOf(remediationRisks, level))
      issues.push({
        path: [jsonPath([...at, 'props'])],
        message: `unknown risk ${level}`,
        code: 'poam_bad_value',
        params: { name: 'risk', value: level },
      });
    if (p.title.length > 500)
      issues.push({ path: [jsonPath([...at, 'title'])], message: 'title over 500 characters', code: 'poam_too_long' });
    const tasks = (risk?.remediations ?? []).flatMap((r) => r.tasks ?? []).filter((t) => t.type === 'milestone');
    const milestones = tasks.flatMap((t) => {
      const planned = day(t.timing?.['on-date']?.date ?? t.timing?.['within-date-range']?.end);
      return planned
        ? [{ title: t.title ?? 'Milestone', plannedDate: planned, actualDate: one(t.props, 'actual-date') ?? null }]
        : [];
    });
    const links = ours(p.props, 'link')
      .map((l) => linkOf(l, [jsonPath([...at, 'props'])], issues))
      .filter((l): l is RemediationLink => l !== null);
    const riskStatus = risk?.status ? statusFromRisk[risk.status] : undefined;
    const finalStatus = isOf(remediationStatuses, status) ? status : (riskStatus ?? 'open');
    const closed = finalStatus === 'completed' || finalStatus === 'risk_accepted' || finalStatus === 'cancelled';
    return {
      // OSCAL 1.1 makes a poam-item's uuid optional: one without is named from its place and title, so a re-import
      // of the same file updates instead of duplicating.
      oscalUuid: p.uuid?.toLowerCase() ?? nameUuid(`poam-item:${i}:${p.title}`),
      title: p.title.slice(0, 500),
      description: p.description,
      owner: one(p.props, 'owner') ?? null,
      risk: isOf(remediationRisks, level) ? level : riskOf(risk),
      status: finalStatus,
      plannedCompletion: one(p.props, 'planned-completion') ?? day(risk?.deadline),
      actualCompletion: one(p.props, 'actual-completion') ?? null,
      milestones,
      links,
      ...(closed ? {} : { actualCompletion: null }),
    };
  });
  if (issues.length > 0)
    throw new DomainError(
      'import_failed',
      `the POA&M has ${issues.length} problem(s)`,
      issues.map((x) => ({ ...x, ...file })),
      { reason: 'poam_invalid', params: { count: issues.length } },
    );
  return drafts;
}
