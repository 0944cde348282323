import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import type { IssueCatalog, IssueParams, MessageParams } from '../../core/errors';

/** Root key → schema file name in NIST's release (the same names in 1.1.3 and 1.2.1). */
const SCHEMA_FILES: Record<string, string> = {
  catalog: 'oscal_catalog_schema.json',
  profile: 'oscal_profile_schema.json',
  'system-security-plan': 'oscal_ssp_schema.json',
  'assessment-plan': 'oscal_assessment-plan_schema.json',
  'assessment-results': 'oscal_assessment-results_schema.json',
  'plan-of-action-and-milestones': 'oscal_poam_schema.json',
  'component-definition': 'oscal_component_schema.json',
  'mapping-collection': 'oscal_mapping_schema.json',
};
/** Models that exist only in later schema releases. */
const ONLY_IN: Record<string, string> = { 'mapping-collection': '1.2.1' };

export const OSCAL_MODELS = Object.keys(SCHEMA_FILES);
const SCHEMA_DIR = new URL('../../../content/oscal-schemas/', import.meta.url);

/**
 * What a schema check can find, with the params each carries: the UI says `issue.<code>` after the JSON path,
 * `message` is English for the CLI. `oscal_schema` is any other JSON-schema keyword, named by `keyword`.
 */
export const OSCAL_ISSUES = {
  oscal_not_a_document: ['models'],
  oscal_unsupported_version: ['version'],
  oscal_wrong_model: ['expected', 'model'],
  oscal_required: [],
  oscal_not_allowed: [],
  oscal_enum: ['values'],
  oscal_type: ['type'],
  oscal_pattern: ['pattern'],
  oscal_format: ['format'],
  oscal_schema: ['keyword'],
} as const satisfies IssueCatalog;
export type OscalIssueCode = keyof typeof OSCAL_ISSUES;

export interface OscalValidationError {
  /** A JSON path: `$.catalog.groups[0].controls[3].id`. */
  path: string;
  message: string;
  code: OscalIssueCode;
  params: MessageParams;
}

/** One schema problem; the params are typed by the code, so none can be left out. */
export function oscalError<C extends OscalIssueCode>(
  code: C,
  params: IssueParams<typeof OSCAL_ISSUES, C>,
  path: string,
  message: string,
): OscalValidationError {
  return { path, message, code, params };
}

export interface OscalValidation {
  valid: boolean;
  /** The schema release used: '1.1.3' or '1.2.1'. */
  version: string;
  model: string;
  errors: OscalValidationError[];
}

/** 1.0.x and 1.1.x documents validate against the 1.1.3 schemas (backward compatible), 1.2.x against 1.2.1. */
export function schemaVersionFor(oscalVersion: string | undefined): string | null {
  if (oscalVersion === undefined) return '1.1.3';
  if (/^1\.[01](\.|$)/.test(oscalVersion)) return '1.1.3';
  if (/^1\.2(\.|$)/.test(oscalVersion)) return '1.2.1';
  return null;
}

// ajv and ajv-formats are CommonJS and take ~0.2 s to load: required on first validation, not at server start.
const require = createRequire(import.meta.url);
let ajvLib: { Ajv: new (opts: object) => AjvType; addFormats: (a: AjvType) => AjvType } | undefined;
function loadAjv() {
  if (!ajvLib) {
    const formats = require('ajv-formats') as { default?: unknown };
    ajvLib = {
      Ajv: (require('ajv') as { Ajv: new (opts: object) => AjvType }).Ajv,
      addFormats: (formats.default ?? formats) as (a: AjvType) => AjvType,
    };
  }
  return ajvLib;
}
const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema the first time it is needed; compiling all of them up front costs seconds for nothing. */
function validatorFor(version: string, model: string): ValidateFunction {
  const key = `${version}/${model}`;
  let fn = compiled.get(key);
  if (!fn) {
    const schema = JSON.parse(readFileSync(new URL(`v${version}/${SCHEMA_FILES[model]}`, SCHEMA_DIR), 'utf8'));
    // OSCAL patterns use \p{L}-style classes, which need the regexp `u` flag (unicodeRegExp); the schemas also use
    // keywords strict mode rejects (e.g. `$comment` in odd places), hence strict: false.
    const { Ajv, addFormats } = loadAjv();
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true, validateFormats: true });
    addFormats(ajv);
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

const segment = (s: string) => (/^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`);

/** `/catalog/groups/0/controls/3` → `$.catalog.groups[0].controls[3]`, using the document to tell arrays apart. */
export function pointerToPath(pointer: string, doc: unknown): string {
  let path = '$';
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path += `[${key}]`;
      node = node[Number(key)];
    } else {
      path += segment(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}

function describe(e: ErrorObject, doc: unknown): OscalValidationError {
  const at = pointerToPath(e.instancePath, doc);
  const p = e.params as Record<string, unknown>;
  const message = e.message ?? e.keyword;
  switch (e.keyword) {
    case 'required':
      return oscalError('oscal_required', {}, `${at}${segment(String(p.missingProperty))}`, 'is required');
    case 'additionalProperties':
      return oscalError(
        'oscal_not_allowed',
        {},
        `${at}${segment(String(p.additionalProperty))}`,
        'is not allowed here',
      );
    case 'enum': {
      const values = (p.allowedValues as unknown[]).join(', ');
      return oscalError('oscal_enum', { values }, at, `must be one of ${values}`);
    }
    case 'type':
      return oscalError('oscal_type', { type: String(p.type) }, at, message);
    case 'pattern':
      return oscalError('oscal_pattern', { pattern: String(p.pattern) }, at, message);
    case 'format':
      return oscalError('oscal_format', { format: String(p.format) }, at, message);
    default:
      return oscalError('oscal_schema', { keyword: e.keyword }, at, message);
  }
}

/**
 * Validates an OSCAL JSON document against NIST's JSON schema for its model (the root key) and version
 * (`metadata.oscal-version`, or `opts.version`). Every error carries a JSON path such as
 * `$.catalog.groups[0].controls[3].id`.
 */
export function validateOscalDocument(doc: unknown, opts: { version?: string } = {}): OscalValidation {
  const root = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
  const model = root ? (Object.keys(root).find((k) => k in SCHEMA_FILES) ?? '') : '';
  if (!root || !model) {
    return {
      valid: false,
      version: '',
      model: '',
      errors: [
        oscalError(
          'oscal_not_a_document',
          { models: OSCAL_MODELS.join(', ') },
          '$',
          `not an OSCAL document: expected one of ${OSCAL_MODELS.join(', ')} at the root`,
        ),
      ],
    };
  }
  const metadata = (root[model] as { metadata?: { 'oscal-version'?: unknown } } | undefined)?.metadata;
  const declared =
    opts.version ?? (typeof metadata?.['oscal-version'] === 'string' ? metadata['oscal-version'] : undefined);
  const version = ONLY_IN[model] ?? schemaVersionFor(declared);
  if (!version) {
    return {
      valid: false,
      version: '',
      model,
      errors: [
        oscalError(
          'oscal_unsupported_version',
          { version: String(declared) },
          `$.${model}.metadata.oscal-version`,
          `unsupported OSCAL version ${declared}`,
        ),
      ],
    };
  }
  const validate = validatorFor(version, model);
  if (validate(doc)) return { valid: true, version, model, errors: [] };
  const seen = new Set<string>();
  const errors = (validate.errors ?? [])
    .map((e) => describe(e, doc))
    .filter((e) => {
      const k = `${e.path}\u0000${e.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
  return { valid: false, version, model, errors };
}
