import type { LocalizedText } from '../../core/catalog/model';
import type { Issue, IssueCatalog, IssueParams } from '../../core/errors';
import type { Criterion } from '../../core/statement/criteria';
import {
  blankAnswer,
  implementationStatuses,
  serviceModels,
  statementStates,
  storedSelections,
  tracks,
  type AuditPeriod,
  type ControlRevision,
  type ImplementationStatus,
  type ItemAnswer,
  type StatementDocument,
  type UnderlyingService,
} from '../../core/statement/model';
import { validateOscalDocument } from '../oscal';
import { ISMAP_NS, oscalId } from '../oscal/export-catalog';
import type { Prop } from './shared';

/** What reading an SSP can find beyond the schema, with the params each carries (the UI says `issue.<code>`). */
export const SSP_ISSUES = {
  ssp_not_ismap: [],
  ssp_bad_value: ['name', 'value'],
  ssp_unknown_control: ['control'],
  ssp_duplicate_control: ['control'],
} as const satisfies IssueCatalog;
type SspIssueCode = keyof typeof SSP_ISSUES;

type Obj = Record<string, unknown>;
type ByComponent = { description?: string };
type Stmt = { 'statement-id': string; props?: Prop[]; 'by-components'?: ByComponent[] };
type Requirement = { 'control-id': string; props?: Prop[]; statements?: Stmt[]; remarks?: string };
type Component = { type: string; title: string; props?: Prop[] };
type Ssp = {
  metadata: { props?: Prop[] };
  'system-characteristics': { 'system-name': string; props?: Prop[] };
  'system-implementation': { components: Component[] };
  'control-implementation': { 'implemented-requirements': Requirement[] };
};

export interface SspImportOptions {
  /** The name issues use for the file. */
  file?: string;
}

const jsonPath = (p: (string | number)[]) => '$' + p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
const isOf = <T extends string>(list: readonly T[], v: string | undefined): v is T =>
  v !== undefined && (list as readonly string[]).includes(v);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/** Reads ISMAP Hub's props of one OSCAL object, reporting values that do not parse at the object's path. */
function propReader(props: Prop[] | undefined, at: (string | number)[], issues: Issue[], file: object) {
  const ours = (name: string) => (props ?? []).filter((p) => p.name === name && p.ns === ISMAP_NS).map((p) => p.value);
  const bad = (name: string, value: string) => {
    const params: IssueParams<typeof SSP_ISSUES, 'ssp_bad_value'> = { name, value: value.slice(0, 200) };
    issues.push({
      path: [jsonPath([...at, 'props'])],
      message: `${name}: cannot read ${params.value}`,
      code: 'ssp_bad_value' satisfies SspIssueCode,
      params,
      ...file,
    });
  };
  const json = (name: string, value: string): unknown => {
    try {
      return JSON.parse(value);
    } catch {
      bad(name, value);
      return undefined;
    }
  };
  return {
    all: ours,
    one: (name: string) => ours(name)[0],
    oneOf<T extends string>(name: string, list: readonly T[]): T | undefined {
      const v = ours(name)[0];
      if (v === undefined) return undefined;
      if (isOf(list, v)) return v;
      bad(name, v);
      return undefined;
    },
    text(name: string): LocalizedText {
      const v = ours(name)[0];
      if (v === undefined) return {};
      const t = json(name, v);
      if (!isObj(t) || Object.values(t).some((x) => typeof x !== 'string')) {
        if (t !== undefined) bad(name, v);
        return {};
      }
      return {
        ...(t['ja'] !== undefined ? { ja: t['ja'] as string } : {}),
        ...(t['en'] !== undefined ? { en: t['en'] as string } : {}),
      };
    },
    period(name: string): AuditPeriod | null {
      const start = ours(`${name}-start`)[0];
      const end = ours(`${name}-end`)[0];
      if (start === undefined && end === undefined) return null;
      if (!isDate(start) || !isDate(end)) {
        bad(name, `${start ?? ''}..${end ?? ''}`);
        return null;
      }
      return { start, end };
    },
    revisions(): ControlRevision[] {
      return ours('revision').flatMap((v) => {
        const r = json('revision', v);
        const lt = (x: unknown) => isObj(x) && Object.values(x).every((s) => typeof s === 'string' || s === null);
        if (!isObj(r) || !isDate(r['effectiveDate']) || !lt(r['before']) || !lt(r['after'])) {
          if (r !== undefined) bad('revision', v);
          return [];
        }
        return [
          {
            effectiveDate: r['effectiveDate'],
            before: r['before'] as LocalizedText,
            after: r['after'] as LocalizedText,
            note: textOrNull(r['note']),
            // Who recorded it, when the history kept that (older revisions have no recorder).
            ...(typeof r['recordedBy'] === 'string' || r['recordedBy'] === null
              ? { recordedBy: r['recordedBy'] as string | null }
              : {}),
          },
        ];
      });
    },
  };
}

/** OSCAL implementation states as ours, for plans written elsewhere (ours carry the exact status as a prop). */
const statusFromState: Record<string, ImplementationStatus> = {
  implemented: 'implemented',
  partial: 'in_progress',
  alternative: 'in_progress',
  planned: 'planned',
};

function answerOf(
  c: Criterion,
  req: Requirement,
  at: (string | number)[],
  issues: Issue[],
  file: object,
): Omit<ItemAnswer, 'version'> {
  const p = propReader(req.props, at, issues, file);
  const state = p.one('implementation-status');
  let selection = p.oneOf('selection', storedSelections) ?? null;
  if (selection === null && state === 'not-applicable' && p.one('effective-selection') === undefined)
    // A plan from elsewhere marks an item out of scope by its state alone.
    selection = c.kind === 'objective' ? 'excluded' : c.kind === 'detailed' && !c.basic ? 'not_selected' : null;
  const control: LocalizedText = {};
  for (const s of req.statements ?? []) {
    const sp = propReader(s.props, at, issues, file);
    const lang = sp.one('lang') ?? (s['statement-id'].endsWith('.en') ? 'en' : 'ja');
    const text = (s['by-components'] ?? [])
      .map((b) => b.description ?? '')
      .filter((d) => d !== '')
      .join('\n\n');
    if (text !== '' && (lang === 'ja' || lang === 'en'))
      control[lang] = control[lang] ? `${control[lang]}\n\n${text}` : text;
  }
  return {
    itemId: c.id,
    selection,
    reason: req.remarks ?? null,
    inheritedFrom: p.one('inherited-from') ?? null,
    status: p.oneOf('status', implementationStatuses) ?? (state ? statusFromState[state] : undefined) ?? 'not_started',
    owner: p.one('owner') ?? null,
    control,
    revisions: p.revisions(),
    criteriaDigest: p.one('criteria-digest') ?? null,
  };
}

function underlyingOf(comp: Component, at: (string | number)[], issues: Issue[], file: object): UnderlyingService {
  const p = propReader(comp.props, at, issues, file);
  const authorizedOn = p.one('authorized-on');
  if (authorizedOn !== undefined && !isDate(authorizedOn)) p.oneOf('authorized-on', []);
  return {
    id: p.one('underlying-id') ?? comp.title,
    name: p.one('underlying-name') ?? comp.title,
    provider: p.one('provider') ?? null,
    registrationNumber: p.one('registration-number') ?? null,
    ...(isDate(authorizedOn) ? { authorizedOn } : {}),
  };
}

/**
 * Reads an OSCAL system-security-plan written against an ISMAP edition (ISMAP Hub's export, or a plan that uses the
 * same control ids `ismap-<item>`) into a statement document over `criteria`, for the statement import: the
 * statement's identity and each answer's version come from `stored` (an SSP is an exchange document: it may come from
 * another statement of the same edition, and carries no versions). Schema problems and values of ours that do not
 * parse are issues at their JSON path (`$.system-security-plan.control-implementation.implemented-requirements[3]
 * .props`), and then there is no document: nothing is half read.
 */
export function oscalSspToStatement(
  json: unknown,
  criteria: readonly Criterion[],
  stored: StatementDocument,
  opts: SspImportOptions = {},
): { doc: StatementDocument | null; issues: Issue[] } {
  const file = opts.file ? { file: opts.file } : {};
  const v = validateOscalDocument(json);
  if (!v.valid || v.model !== 'system-security-plan') {
    const errors =
      v.model && v.model !== 'system-security-plan'
        ? [
            {
              path: '$',
              message: `expected a system-security-plan, got a ${v.model}`,
              code: 'oscal_wrong_model',
              params: { expected: 'system-security-plan', model: v.model },
            },
          ]
        : v.errors;
    return { doc: null, issues: errors.map((e) => ({ ...e, path: [e.path], ...file })) };
  }
  const ssp = (json as { 'system-security-plan': Ssp })['system-security-plan'];
  const issues: Issue[] = [];
  const root = ['system-security-plan'];
  const meta = propReader(ssp.metadata.props, [...root, 'metadata'], issues, file);
  const catalog = meta.one('catalog');
  const edition = meta.one('edition');
  if (catalog === undefined || edition === undefined) {
    issues.push({
      path: [jsonPath([...root, 'metadata', 'props'])],
      message: 'not an ISMAP statement: the catalog and edition props are missing',
      code: 'ssp_not_ismap' satisfies SspIssueCode,
      params: {},
      ...file,
    });
    return { doc: null, issues };
  }
  // Another catalog or edition: the import refuses it by name (mismatch), before looking at any item.
  if (catalog !== stored.statement.catalog || edition !== stored.statement.edition)
    return { doc: { ...stored, statement: { ...stored.statement, catalog, edition }, items: [] }, issues: [] };

  const chars = propReader(ssp['system-characteristics'].props, [...root, 'system-characteristics'], issues, file);
  const components = ssp['system-implementation'].components;
  const at = (n: number) => [...root, 'system-implementation', 'components', n];
  const scopeOf = (c: Component, n: number) => propReader(c.props, at(n), issues, file).one('scope');
  const thisIndex = components.findIndex((c) => c.type === 'this-system');
  const thisProps = propReader(thisIndex >= 0 ? components[thisIndex]!.props : [], at(thisIndex), issues, file);
  const name = thisProps.text('name');
  const service: StatementDocument['service'] = {
    name: Object.keys(name).length > 0 ? name : { ja: ssp['system-characteristics']['system-name'] },
    model: thisProps.oneOf('service-model', serviceModels) ?? stored.service.model,
    track: thisProps.oneOf('track', tracks) ?? stored.service.track,
    scope: {
      subServices: components.flatMap((c, n) =>
        scopeOf(c, n) === 'sub-service' ? [propReader(c.props, at(n), issues, file).text('sub-service')] : [],
      ),
      underlying: components.flatMap((c, n) =>
        scopeOf(c, n) === 'underlying' ? [underlyingOf(c, at(n), issues, file)] : [],
      ),
      regions: thisProps.all('region'),
      systemOverview: chars.text('system-overview'),
      logicalStructure: chars.text('logical-structure'),
      populations: chars.text('populations'),
    },
  };

  const byControl = new Map(criteria.map((c) => [oscalId(c.id), c]));
  const answers = new Map<string, ItemAnswer>();
  const storedVersion = new Map(stored.items.map((i) => [i.criterion.id, i.answer.version]));
  ssp['control-implementation']['implemented-requirements'].forEach((req, i) => {
    const reqAt = [...root, 'control-implementation', 'implemented-requirements', i];
    const c = byControl.get(req['control-id']);
    const control = req['control-id'];
    if (!c || answers.has(c.id)) {
      issues.push({
        path: [jsonPath([...reqAt, 'control-id'])],
        message: c ? `${control} appears twice` : `${control} is not an item of ${catalog} ${edition}`,
        code: (c ? 'ssp_duplicate_control' : 'ssp_unknown_control') satisfies SspIssueCode,
        params: { control },
        ...file,
      });
      return;
    }
    answers.set(c.id, { ...answerOf(c, req, reqAt, issues, file), version: storedVersion.get(c.id) ?? 0 });
  });
  const statement: StatementDocument['statement'] = {
    id: stored.statement.id,
    catalog,
    edition,
    period: meta.period('period'),
    previousPeriod: meta.period('previous-period'),
    state: meta.oneOf('statement-state', statementStates) ?? stored.statement.state,
    subsequentEvents: meta.text('subsequent-events'),
    specialNotes: meta.text('special-notes'),
  };
  if (issues.length > 0) return { doc: null, issues };
  return {
    doc: {
      statement,
      service,
      items: criteria.map((c) => ({
        criterion: c,
        answer: answers.get(c.id) ?? { ...blankAnswer(c.id), version: storedVersion.get(c.id) ?? 0 },
      })),
    },
    issues,
  };
}
