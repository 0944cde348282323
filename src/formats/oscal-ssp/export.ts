import type { Criterion } from '../../core/statement/criteria';
import type { ItemAnswer, StatementDocument, UnderlyingService } from '../../core/statement/model';
import { effectiveSelection, type EffectiveSelection } from '../../core/statement/selection';
import { EXPORT_OSCAL_VERSION, ISMAP_NS, oscalId } from '../oscal/export-catalog';
import { catalogFileName } from '../oscal/export-profile';
import {
  firstText,
  ids,
  jsonValue,
  nonEmpty,
  oscalStateOf,
  prop,
  statementPartId,
  textProp,
  type Prop,
} from './shared';

export interface SspExportInput {
  document: StatementDocument;
  /** metadata.last-modified (and version): when the export was made. */
  lastModified: string;
}

/** Items that say they are out of the statement: OSCAL's `not-applicable`. */
const notApplicable = new Set<EffectiveSelection>(['excluded', 'not_selected', 'exempted']);

/** An underlying service registered in ISMAP with its registration date known is a leveraged authorization. */
const leveraged = (
  u: UnderlyingService,
): u is UnderlyingService & { registrationNumber: string; authorizedOn: string } =>
  nonEmpty(u.registrationNumber) !== null && nonEmpty(u.authorizedOn) !== null;

/** OSCAL arrays have at least one member: an empty one is left out. */
const nonEmptyList = <K extends string, T>(key: K, list: T[]) =>
  (list.length > 0 ? { [key]: list } : {}) as { [k in K]?: T[] };

const isBlank = (a: ItemAnswer) =>
  a.selection === null &&
  a.reason === null &&
  a.inheritedFrom === null &&
  a.status === 'not_started' &&
  a.owner === null &&
  nonEmpty(a.control.ja) === null &&
  nonEmpty(a.control.en) === null &&
  a.revisions.length === 0;

function requirement(c: Criterion, a: ItemAnswer, eff: EffectiveSelection, underlying: Map<string, string>) {
  const na = notApplicable.has(eff);
  const state = na ? 'not-applicable' : oscalStateOf[a.status];
  const props: Prop[] = [
    prop('item', c.id),
    prop('implementation-status', state),
    prop('effective-selection', eff),
    ...(a.selection ? [prop('selection', a.selection)] : []),
    prop('status', a.status),
    ...(nonEmpty(a.owner?.trim()) ? [prop('owner', a.owner!.trim())] : []),
    ...(a.inheritedFrom ? [prop('inherited-from', a.inheritedFrom)] : []),
    ...(a.criteriaDigest ? [prop('criteria-digest', a.criteriaDigest)] : []),
    ...a.revisions.map((r) => prop('revision', jsonValue(r))),
  ];
  // An inherited control is described on the underlying service's component, everything else on this system.
  const component = (a.inheritedFrom && underlying.get(a.inheritedFrom)) || ids.thisSystem();
  const statements = (['ja', 'en'] as const).flatMap((lang) => {
    const text = nonEmpty(a.control[lang]);
    if (text === null) return [];
    return [
      {
        'statement-id': statementPartId(c.id, lang),
        uuid: ids.statement(c.id, lang),
        props: [prop('lang', lang)],
        'by-components': [
          {
            'component-uuid': component,
            uuid: ids.byComponent(c.id, lang),
            description: text,
            'implementation-status': { state },
            ...(eff === 'inherited'
              ? { inherited: [{ uuid: ids.inherited(c.id, lang), description: `Inherited: ${text}` }] }
              : {}),
          },
        ],
      },
    ];
  });
  return {
    uuid: ids.requirement(c.id),
    'control-id': oscalId(c.id),
    props,
    ...(statements.length > 0 ? { statements } : {}),
    ...(nonEmpty(a.reason) !== null ? { remarks: a.reason! } : {}),
  };
}

/**
 * A statement (言明書) as an OSCAL 1.1.3 system-security-plan. It imports the ISMAP basic statement requirements
 * profile of the statement's edition; the service and its scope are the system characteristics and components (this
 * system, each sub-service, each underlying service); each item in the statement is an implemented requirement whose
 * statements carry the individual control (個別管理策) per language, on this system's component or, when inherited, on
 * the underlying service's. Excluded, not selected and exempted items are implemented requirements with
 * `implementation-status` not-applicable and their reason in remarks; blank optional items are left out. Underlying
 * services registered in ISMAP whose registration date is recorded are leveraged authorizations (OSCAL requires the
 * date; none is invented). What OSCAL has no field for travels as props in ISMAP Hub's namespace, so a re-import
 * restores the statement. Deterministic: the same statement gives the same document up to `lastModified`.
 */
export function statementToOscalSsp(input: SspExportInput) {
  const { statement: s, service: v, items } = input.document;
  const underlyingIds = new Map(v.scope.underlying.map((u) => [u.id, ids.underlying(u.id)]));
  const answers = new Map(items.map((i) => [i.criterion.id, i.answer]));
  const requirements = items.flatMap(({ criterion: c, answer: a }) => {
    const eff = effectiveSelection(c, a, c.objective && c.objective !== c.id ? answers.get(c.objective) : undefined);
    if (eff === 'undecided' && isBlank(a)) return [];
    return [requirement(c, a, eff, underlyingIds)];
  });
  const authorizations = v.scope.underlying.filter(leveraged);
  const name = firstText(v.name, 'Cloud service');
  const profile = ids.profileResource(s.catalog, s.edition);
  const period = (key: string, p: { start: string; end: string } | null) =>
    p ? [prop(`${key}-start`, p.start), prop(`${key}-end`, p.end)] : [];
  const components = [
    {
      uuid: ids.thisSystem(),
      type: 'this-system',
      title: name,
      description: firstText(v.scope.systemOverview, name),
      props: [
        ...textProp('name', v.name),
        prop('service-model', v.model),
        prop('track', v.track),
        ...v.scope.regions.map((r) => prop('region', r)),
      ],
      status: { state: 'operational' },
    },
    ...v.scope.subServices.map((t, n) => ({
      uuid: ids.subService(n),
      type: 'service',
      title: firstText(t, `Sub-service ${n + 1}`),
      description: firstText(t, `Sub-service ${n + 1}`),
      props: [prop('scope', 'sub-service'), ...textProp('sub-service', t)],
      status: { state: 'operational' },
    })),
    ...v.scope.underlying.map((u) => ({
      uuid: ids.underlying(u.id),
      type: 'system',
      title: u.name,
      description: [
        `${u.name}: used by the service, outside the scope of the statement.`,
        u.provider ? `Provider: ${u.provider}.` : '',
        u.registrationNumber ? `ISMAP registration ${u.registrationNumber}.` : 'Not registered in ISMAP.',
      ]
        .filter(Boolean)
        .join(' '),
      props: [
        prop('scope', 'underlying'),
        prop('underlying-id', u.id),
        prop('underlying-name', u.name),
        ...(nonEmpty(u.provider) ? [prop('provider', u.provider!)] : []),
        ...(nonEmpty(u.registrationNumber) ? [prop('registration-number', u.registrationNumber!)] : []),
        ...(nonEmpty(u.authorizedOn) ? [prop('authorized-on', u.authorizedOn!)] : []),
        { name: 'implementation-point', value: 'external' },
        ...(leveraged(u) ? [{ name: 'leveraged-authorization-uuid', value: ids.leveraged(u.id) }] : []),
      ],
      status: { state: 'operational' },
    })),
  ];
  return {
    'system-security-plan': {
      uuid: ids.ssp(s.id),
      metadata: {
        title: `${name} — ${s.catalog} ${s.edition} statement (言明書)`,
        'last-modified': input.lastModified,
        version: input.lastModified,
        'oscal-version': EXPORT_OSCAL_VERSION,
        props: [
          prop('catalog', s.catalog),
          prop('edition', s.edition),
          prop('statement-state', s.state),
          ...period('period', s.period),
          ...period('previous-period', s.previousPeriod),
          ...textProp('subsequent-events', s.subsequentEvents),
          ...textProp('special-notes', s.specialNotes),
        ],
        roles: [{ id: 'statement-owner', title: 'Owner of the statement (言明書) at the cloud service provider' }],
        ...(authorizations.length > 0
          ? {
              parties: authorizations.map((u) => ({
                uuid: ids.party(u.id),
                type: 'organization',
                name: nonEmpty(u.provider) ?? u.name,
              })),
            }
          : {}),
      },
      'import-profile': {
        href: `#${profile}`,
        remarks: 'The ISMAP basic statement requirements (基本言明要件) of the edition the statement answers.',
      },
      'system-characteristics': {
        'system-ids': [{ 'identifier-type': `${ISMAP_NS}/statement`, id: s.id }],
        'system-name': name,
        description: firstText(v.scope.systemOverview, name),
        ...nonEmptyList('props', [
          ...textProp('system-overview', v.scope.systemOverview),
          ...textProp('logical-structure', v.scope.logicalStructure),
          ...textProp('populations', v.scope.populations),
        ]),
        'system-information': {
          'information-types': [
            {
              uuid: ids.infoType(),
              title: 'Information the service stores and processes',
              description: `Information handled by ${name} within the scope of the statement.`,
            },
          ],
        },
        status: { state: 'operational' },
        'authorization-boundary': {
          description: firstText(v.scope.logicalStructure, `The scope of the statement on ${name}.`),
        },
      },
      'system-implementation': {
        ...(authorizations.length > 0
          ? {
              'leveraged-authorizations': authorizations.map((u) => ({
                uuid: ids.leveraged(u.id),
                title: u.name,
                props: [prop('registration-number', u.registrationNumber)],
                'party-uuid': ids.party(u.id),
                'date-authorized': u.authorizedOn,
              })),
            }
          : {}),
        users: [{ uuid: ids.user(), title: 'Statement owners', 'role-ids': ['statement-owner'] }],
        components,
      },
      'control-implementation': {
        description:
          `How ${name} meets the ${s.catalog} ${s.edition} control criteria: one implemented requirement per item ` +
          'of the statement, the individual control (個別管理策) as its statement.',
        'implemented-requirements': requirements,
      },
      'back-matter': {
        resources: [
          {
            uuid: profile,
            title: `${s.catalog} ${s.edition}: basic statement requirements`,
            props: [prop('catalog', s.catalog), prop('edition', s.edition)],
            rlinks: [
              {
                href: catalogFileName(s.catalog, s.edition, 'basic'),
                'media-type': 'application/oscal.profile+json',
              },
            ],
          },
        ],
      },
    },
  };
}
