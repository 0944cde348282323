import type { Issue, IssueCatalog, IssueParams } from '../errors';

/**
 * Every problem reading a Statement of Applicability (適用宣言書) or an OSCAL SSP for the gap analysis, with the
 * params it carries; the UI says `gapIssue.<code>`, `message` stays English for the CLI. `value` is the cell as
 * written, clipped to 40 characters; `path` (SSP issues) is the JSON path.
 */
export const GAP_ISSUES = {
  no_rows: [],
  no_id_column: [],
  invalid_id: ['value'],
  unknown_control: ['id', 'edition'],
  duplicate_id: ['id', 'firstRow'],
  invalid_value: ['field', 'value'],
  heading_row: ['id'],
  edition_mismatch: ['id', 'edition'],
  edition_uncertain: ['edition', 'count2013', 'count2022'],
  no_status: ['id'],
  not_ssp: [],
  ssp_invalid: ['detail'],
  ssp_unknown_control: ['id'],
  ssp_no_requirements: [],
  ssp_profile_unresolved: ['href'],
} as const satisfies IssueCatalog;
export type GapIssueCode = keyof typeof GAP_ISSUES;

export interface GapIssue extends Issue {
  code: GapIssueCode;
  params: Record<string, string | number | boolean | null>;
  severity: 'error' | 'warning';
  column?: string;
}

export interface GapIssueWhere {
  row?: number | undefined;
  column?: string | undefined;
  file?: string | undefined;
  /** JSON path, for SSP issues. */
  path?: (string | number)[] | undefined;
}

const clip = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);

/**
 * @example gapIssue('error', 'invalid_id', { value: 'X.1' }, { row: 7, column: 'A' }).message // 'not an ISO/IEC 27001 control id: "X.1"'
 */
export function gapIssue<C extends GapIssueCode>(
  severity: GapIssue['severity'],
  code: C,
  params: IssueParams<typeof GAP_ISSUES, C>,
  where: GapIssueWhere = {},
): GapIssue {
  const p = { ...(params as Record<string, string | number | boolean | null>) };
  if (typeof p['value'] === 'string') p['value'] = clip(p['value']);
  const issue: GapIssue = { severity, code, params: p, message: englishMessage(code, p), path: where.path ?? [] };
  if (where.row !== undefined) issue.row = where.row;
  if (where.column !== undefined) issue.column = where.column;
  if (where.file !== undefined) issue.file = where.file;
  return issue;
}

function englishMessage(code: GapIssueCode, p: Record<string, string | number | boolean | null>): string {
  switch (code) {
    case 'no_rows':
      return 'the table has no control rows';
    case 'no_id_column':
      return 'no column holds ISO/IEC 27001 control ids (use --columns)';
    case 'invalid_id':
      return `not an ISO/IEC 27001 control id: "${p['value']}"`;
    case 'unknown_control':
      return `${p['id']} is not a control of ISO/IEC 27001:${p['edition']}`;
    case 'duplicate_id':
      return `${p['id']} appears twice (first at row ${p['firstRow']})`;
    case 'invalid_value':
      return `${p['field']}: cannot read "${p['value']}"`;
    case 'heading_row':
      return `${p['id']} is a heading (control objective or theme), skipped`;
    case 'edition_mismatch':
      return `${p['id']} is not an id of ISO/IEC 27001:${p['edition']}`;
    case 'edition_uncertain':
      return `edition read as ISO/IEC 27001:${p['edition']} (${p['count2013']} ids look like 2013, ${p['count2022']} like 2022); confirm it`;
    case 'no_status':
      return `${p['id']}: neither applicable nor implemented is given`;
    case 'not_ssp':
      return 'not an OSCAL system security plan (no "system-security-plan")';
    case 'ssp_invalid':
      return `invalid system security plan: ${p['detail']}`;
    case 'ssp_unknown_control':
      return `control ${p['id']} is not in SP 800-53`;
    case 'ssp_no_requirements':
      return 'the plan has no implemented requirements';
    case 'ssp_profile_unresolved':
      return `the imported profile ${p['href']} is not local or bundled; its baseline is not shown`;
  }
}

export const hasErrors = (issues: readonly GapIssue[]) => issues.some((i) => i.severity === 'error');
