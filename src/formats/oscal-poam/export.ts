import type { RemediationItem, RemediationStatus } from '../../core/remediation/model';
import { ISMAP_NS, nameUuid } from '../oscal/export-catalog';

/** How our statuses read as an OSCAL risk status (a token; NIST names open, investigating, remediating, …). */
export const riskStatusOf: Record<RemediationStatus, string> = {
  open: 'open',
  in_progress: 'remediating',
  completed: 'closed',
  risk_accepted: 'deviation-approved',
  cancelled: 'closed',
};

type Prop = { name: string; value: string; ns: string };
const prop = (name: string, value: string): Prop => ({ name, value, ns: ISMAP_NS });
/** OSCAL date-times need a time and zone; our days are calendar days in Japan. */
const dayTime = (day: string) => `${day}T00:00:00+09:00`;
const text = (s: string, fallback: string) => (s.trim() === '' ? fallback : s);

/** `blocker:basic_not_implemented:5.1.1` — a link as one prop value (target `-` for the statement itself). */
export const linkValue = (l: RemediationItem['links'][number]) => [l.kind, l.rule ?? '', l.target ?? '-'].join(':');

export interface PoamExportInput {
  statementId: string;
  title: string;
  lastModified: string;
  items: readonly RemediationItem[];
}

/**
 * The remediation plan as an OSCAL 1.1.3 plan-of-action-and-milestones. Each item is a poam-item (uuid: the one it
 * was imported with, else its own id) with one risk carrying its deadline, status, risk level and milestones (tasks
 * of type milestone); what OSCAL has no field for (our status, owner, links, actual dates) are props in ISMAP Hub's
 * namespace, so a re-import restores the item. Deterministic: the same plan gives the same document.
 */
export function remediationPlanToOscal(input: PoamExportInput) {
  const risks = input.items.map((i) => {
    const uuid = nameUuid(`poam-risk:${i.id}`);
    const milestones = i.milestones.map((m) => ({
      uuid: nameUuid(`poam-milestone:${i.id}:${m.id}`),
      type: 'milestone',
      title: m.title,
      timing: { 'on-date': { date: dayTime(m.plannedDate) } },
      ...(m.actualDate ? { props: [prop('actual-date', m.actualDate)] } : {}),
    }));
    return {
      uuid,
      title: i.title,
      description: text(i.description, i.title),
      statement: text(i.description, i.title),
      status: riskStatusOf[i.status],
      characterizations: [
        {
          origin: { actors: [{ type: 'tool', 'actor-uuid': nameUuid('tool:ismap-hub') }] },
          facets: [{ name: 'risk', system: ISMAP_NS, value: i.risk }],
        },
      ],
      ...(i.plannedCompletion ? { deadline: dayTime(i.plannedCompletion) } : {}),
      ...(milestones.length > 0
        ? {
            remediations: [
              {
                uuid: nameUuid(`poam-response:${i.id}`),
                lifecycle: 'planned',
                title: i.title,
                description: text(i.description, i.title),
                tasks: milestones,
              },
            ],
          }
        : {}),
    };
  });
  const poamItems = input.items.map((i, n) => {
    const props = [
      prop('status', i.status),
      prop('risk', i.risk),
      ...(i.owner ? [prop('owner', i.owner)] : []),
      ...(i.plannedCompletion ? [prop('planned-completion', i.plannedCompletion)] : []),
      ...(i.actualCompletion ? [prop('actual-completion', i.actualCompletion)] : []),
      ...i.links.map((l) => prop('link', linkValue(l))),
    ];
    return {
      uuid: i.oscalUuid ?? i.id,
      title: i.title,
      description: text(i.description, i.title),
      props,
      'related-risks': [{ 'risk-uuid': risks[n]!.uuid }],
    };
  });
  return {
    'plan-of-action-and-milestones': {
      uuid: nameUuid(`poam:${input.statementId}`),
      metadata: {
        title: input.title,
        'last-modified': input.lastModified,
        version: input.lastModified,
        'oscal-version': '1.1.3',
      },
      'system-id': { 'identifier-type': 'http://ietf.org/rfc/rfc4122', id: input.statementId },
      ...(risks.length > 0 ? { risks } : {}),
      'poam-items': poamItems,
    },
  };
}
