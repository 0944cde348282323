import { nodeKey } from '../catalog/model';
import { normalizeNistId } from '../catalog/ids';
import { gapIssue, hasErrors, type GapIssue } from './issues';
import type { ImportedPosture, PostureControl, PostureStatus } from './posture';

/**
 * An OSCAL system security plan (for example a FedRAMP SSP) → posture: one entry per implemented requirement, with
 * its statements' and components' descriptions, responsible roles, control origination and inheritance. Only the
 * parts read here are checked; everything else in the plan (parties, back-matter, system characteristics) is left
 * alone, so real plans with extensions import. Errors carry the JSON path.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface SspInput {
  json: unknown;
  file: string;
  /** Which SP 800-53 revision the plan's profile selects from. */
  revision: 'rev4' | 'rev5';
  /** Active control and enhancement ids of that revision. */
  knownIds: ReadonlySet<string>;
}

export interface SspSummary {
  title: string;
  importProfile: string;
  components: number;
  parties: number;
  leveragedAuthorizations: { title: string; partyUuid: string; dateAuthorized: string }[];
  implementedRequirements: number;
}

export interface SspResult {
  posture: ImportedPosture | null;
  summary: SspSummary | null;
  issues: GapIssue[];
}

// OSCAL 1.1 `implementation-status` states, and FedRAMP's older prop values.
const STATES: Record<string, PostureStatus> = {
  implemented: 'implemented',
  partial: 'partial',
  'partially-implemented': 'partial',
  planned: 'planned',
  alternative: 'partial',
  'not-applicable': 'not_applicable',
};

const propValues = (o: Obj, name: string) =>
  arr(o['props'])
    .filter((p): p is Obj => isObj(p) && p['name'] === name)
    .map((p) => str(p['value']));

function statusOf(states: string[]): PostureStatus {
  const s = states.map((x) => STATES[x] ?? null).filter((x): x is PostureStatus => x !== null);
  if (s.length === 0) return 'implemented'; // an implemented requirement without a status says how it is met
  if (s.every((x) => x === 'not_applicable')) return 'not_applicable';
  if (s.every((x) => x === 'implemented' || x === 'not_applicable')) return 'implemented';
  if (s.includes('partial') || s.includes('implemented')) return 'partial';
  return 'planned';
}

export function sspToPosture(input: SspInput): SspResult {
  const issues: GapIssue[] = [];
  const { file } = input;
  const root = isObj(input.json) ? input.json['system-security-plan'] : undefined;
  if (!isObj(root))
    return { posture: null, summary: null, issues: [gapIssue('error', 'not_ssp', {}, { file, path: [] })] };
  const base = ['system-security-plan'];
  const ci = root['control-implementation'];
  if (!isObj(ci) || !Array.isArray(ci['implemented-requirements'])) {
    issues.push(
      gapIssue(
        'error',
        'ssp_invalid',
        { detail: 'control-implementation.implemented-requirements is missing' },
        {
          file,
          path: [...base, 'control-implementation'],
        },
      ),
    );
    return { posture: null, summary: null, issues };
  }
  const si = isObj(root['system-implementation']) ? root['system-implementation'] : {};
  const components = new Map<string, string>();
  for (const c of arr(si['components'])) if (isObj(c)) components.set(str(c['uuid']), str(c['title']).trim());
  const controls: PostureControl[] = [];
  const seen = new Map<string, number>();
  arr(ci['implemented-requirements']).forEach((raw, i) => {
    const path = [...base, 'control-implementation', 'implemented-requirements', i];
    if (!isObj(raw) || typeof raw['control-id'] !== 'string') {
      issues.push(
        gapIssue('error', 'ssp_invalid', { detail: 'an implemented requirement needs a control-id' }, { file, path }),
      );
      return;
    }
    const id = normalizeNistId(raw['control-id']);
    if (!id || !input.knownIds.has(id)) {
      issues.push(
        gapIssue('warning', 'ssp_unknown_control', { id: raw['control-id'] }, { file, path: [...path, 'control-id'] }),
      );
      return;
    }
    const texts: string[] = [];
    const roles = new Set<string>();
    const states: string[] = [];
    const comps = new Set<string>();
    const statementIds: string[] = [];
    let inherited = false;
    const origination = new Set(propValues(raw, 'control-origination'));
    const readRoles = (o: Obj) => {
      for (const r of arr(o['responsible-roles'])) if (isObj(r) && r['role-id']) roles.add(str(r['role-id']));
    };
    const readByComponent = (bc: unknown, prefix: string) => {
      if (!isObj(bc)) return;
      const name = components.get(str(bc['component-uuid']));
      if (name) comps.add(name);
      const d = str(bc['description']).trim();
      if (d) texts.push(name ? `${prefix}${name}: ${d}` : `${prefix}${d}`);
      readRoles(bc);
      const st = bc['implementation-status'];
      if (isObj(st) && typeof st['state'] === 'string') states.push(st['state']);
      states.push(...propValues(bc, 'implementation-status'));
      for (const o of propValues(bc, 'control-origination')) origination.add(o);
      if (arr(bc['inherited']).length > 0) inherited = true;
    };
    readRoles(raw);
    states.push(...propValues(raw, 'implementation-status'));
    for (const bc of arr(raw['by-components'])) readByComponent(bc, '');
    for (const s of arr(raw['statements'])) {
      if (!isObj(s)) continue;
      const sid = str(s['statement-id']);
      if (sid) statementIds.push(sid);
      readRoles(s);
      for (const bc of arr(s['by-components'])) readByComponent(bc, sid ? `${sid} — ` : '');
    }
    if ([...origination].some((o) => /inherited/.test(o))) inherited = true;
    const first = seen.get(id);
    if (first !== undefined) {
      // FedRAMP plans sometimes split one control over two entries; both descriptions are kept.
      const prev = controls[first]!;
      prev.text = [prev.text, ...texts].filter(Boolean).join('\n\n');
      return;
    }
    seen.set(id, controls.length);
    const catalog = input.revision === 'rev4' ? 'nist-800-53r4' : 'nist-800-53r5';
    const edition = input.revision === 'rev4' ? '4.0' : '5.1.1';
    controls.push({
      key: nodeKey(catalog, edition, id),
      id,
      title: id.toUpperCase(),
      status: statusOf(states),
      text: [str(raw['remarks']).trim(), ...texts].filter(Boolean).join('\n\n'),
      justification: null,
      owner: roles.size > 0 ? [...roles].join(', ') : null,
      source: { kind: 'ssp-requirement', file, path: path.join('.'), uuid: str(raw['uuid']), statementIds },
      roles: [...roles],
      origination: [...origination],
      inherited,
      components: [...comps],
    });
  });
  if (controls.length === 0 && !hasErrors(issues))
    issues.push(gapIssue('error', 'ssp_no_requirements', {}, { file, path: [...base, 'control-implementation'] }));
  const md = isObj(root['metadata']) ? root['metadata'] : {};
  const ip = isObj(root['import-profile']) ? str(root['import-profile']['href']) : '';
  const summary: SspSummary = {
    title: str(md['title']),
    importProfile: ip,
    components: components.size,
    parties: arr(md['parties']).length,
    leveragedAuthorizations: arr(si['leveraged-authorizations'])
      .filter(isObj)
      .map((l) => ({
        title: str(l['title']),
        partyUuid: str(l['party-uuid']),
        dateAuthorized: str(l['date-authorized']),
      })),
    implementedRequirements: controls.length,
  };
  const catalog = input.revision === 'rev4' ? 'nist-800-53r4:4.0' : 'nist-800-53r5:5.1.1';
  return {
    posture: hasErrors(issues) ? null : { kind: 'ssp', file, catalog, controls, clauses: [] },
    summary,
    issues,
  };
}
