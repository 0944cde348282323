import { randomUUID } from 'node:crypto';
import { basename, resolve as resolvePath } from 'node:path';
import { DomainError, isDomainError, type Issue, type IssueCatalog, type IssueParams } from '../../core/errors';
import { pruneLooseParams, resolveBackMatter } from './back-matter';
import { fileLoader, importCandidates, type DocumentLoader, type LoadedDocument } from './load';
import { mergeSelections, type Body, type SourceSelection } from './merge';
import { applyModify } from './modify';
import { indexCatalog, selectIds } from './select';
import type { Catalog, Control, Group, Profile, ResolutionWarning, Resource } from './types';
import { cloneJson } from './json';

export const RESOLUTION_TOOL = 'ISMAP Hub OSCAL profile resolver';

export interface ResolveOptions {
  loader: DocumentLoader;
  /** Where the profile lives: relative hrefs resolve against it, and it names the `source-profile` link. */
  uri?: string;
  /** Clock and uuid are passed in so that a resolution can be reproduced byte for byte. */
  now?: Date;
  uuid?: string;
  /** The spec lets a processor drop an import it cannot load; by default we stop instead. */
  onMissingImport?: 'error' | 'warn';
}

export interface ResolveResult {
  catalog: { catalog: Catalog };
  warnings: ResolutionWarning[];
}

/**
 * Bounds on a resolution, so that a small hostile or broken profile set cannot take unbounded time or memory.
 * NIST's and FedRAMP's baselines import one or two levels deep, a handful of documents, about 1,200 controls.
 */
export const RESOLUTION_LIMITS = { maxImportDepth: 64, maxDocuments: 1_000, maxControls: 100_000 };

interface ResolvedSource {
  catalog: Catalog;
  controls: number;
}

interface Context {
  opts: ResolveOptions;
  warnings: ResolutionWarning[];
  /** Each distinct imported profile is resolved once, however many imports (at whatever depth) name it. */
  resolved: Map<string, Promise<ResolvedSource>>;
  documents: Set<string>;
}

/**
 * What stops a resolution, with the params each carries: the issue says it after its JSON path (`issue.<code>`),
 * the error's reason (`oscal_<code>`) says it as a sentence; `message` is English for the CLI.
 */
export const RESOLVE_ISSUES = {
  import_not_loaded: ['href'],
  import_cycle: ['cycle'],
  import_too_deep: ['max', 'file'],
  too_many_documents: ['max'],
  too_many_controls: ['file', 'controls', 'max'],
} as const satisfies IssueCatalog;
type ResolveIssueCode = keyof typeof RESOLVE_ISSUES;

function resolveIssue<C extends ResolveIssueCode>(
  code: C,
  params: IssueParams<typeof RESOLVE_ISSUES, C>,
  path: (string | number)[],
  uri: string,
  message: string,
): Issue {
  return { path, message, code, params, file: basename(uri) };
}

function countControls(body: Body): number {
  let n = 0;
  const stack: Control[] = [...(body.controls ?? [])];
  const groups: Group[] = [...(body.groups ?? [])];
  while (groups.length) {
    const g = groups.pop()!;
    stack.push(...(g.controls ?? []));
    groups.push(...(g.groups ?? []));
  }
  while (stack.length) {
    n++;
    stack.push(...(stack.pop()!.controls ?? []));
  }
  return n;
}

async function loadImport(profile: Profile, i: number, uri: string, ctx: Context): Promise<LoadedDocument | null> {
  const where = `$.profile.imports[${i}]`;
  const href = profile.imports[i]?.href ?? '';
  const found = importCandidates(href, profile['back-matter']?.resources);
  const problems: string[] = [];
  if ('error' in found) problems.push(found.error);
  else {
    for (const candidate of found.hrefs) {
      try {
        const loaded = await ctx.opts.loader.load(candidate, uri, found.hint);
        if (loaded.note) ctx.warnings.push({ path: where, message: loaded.note });
        return loaded;
      } catch (e) {
        if (!isDomainError(e)) throw e;
        problems.push(e.message);
      }
    }
  }
  const message = `cannot load import ${href}: ${problems.join('; ')}`;
  if (ctx.opts.onMissingImport === 'warn') {
    ctx.warnings.push({ path: where, message });
    return null;
  }
  const issue = resolveIssue('import_not_loaded', { href }, ['profile', 'imports', i, 'href'], uri, message);
  throw new DomainError('import_failed', message, [issue], { reason: 'oscal_import_not_loaded', params: { href } });
}

function pruneGroupParams(groups: Group[] | undefined, text: unknown) {
  for (const g of groups ?? []) {
    if (g.params) {
      const kept = pruneLooseParams(g.params, text);
      if (kept.length) g.params = kept;
      else delete g.params;
    }
    pruneGroupParams(g.groups, text);
  }
}

/** An imported profile as a catalog (its resolution), resolved once per distinct uri. */
function importedProfile(loaded: LoadedDocument, profile: Profile, stack: string[], ctx: Context) {
  let p = ctx.resolved.get(loaded.uri);
  if (!p) {
    p = resolveBody(profile, loaded.uri, [...stack, loaded.uri], ctx).then(({ body, backMatter, controls }) => {
      const source = { uuid: profile.uuid, metadata: profile.metadata, ...body } as Catalog;
      if (backMatter) source['back-matter'] = backMatter;
      return { catalog: source, controls };
    });
    ctx.resolved.set(loaded.uri, p);
  }
  return p;
}

/** Resolves a profile to its body and back matter; imported profiles recurse with the chain of uris above them. */
async function resolveBody(profile: Profile, uri: string, stack: string[], ctx: Context) {
  if (stack.length > RESOLUTION_LIMITS.maxImportDepth) {
    const params = { max: RESOLUTION_LIMITS.maxImportDepth, file: basename(uri) };
    const message = `imports nest deeper than ${params.max} profiles (at ${params.file})`;
    const issue = resolveIssue('import_too_deep', params, ['profile', 'imports'], uri, message);
    throw new DomainError('import_failed', message, [issue], { reason: 'oscal_import_too_deep', params });
  }
  const selections: SourceSelection[] = [];
  const resources: Resource[][] = [];
  // Imports of the same resource select from one source: their selections are united, not clashing copies.
  const byUri = new Map<string, SourceSelection>();
  for (let i = 0; i < profile.imports.length; i++) {
    const imp = profile.imports[i]!;
    const loaded = await loadImport(profile, i, uri, ctx);
    if (!loaded) continue;
    const at = stack.indexOf(loaded.uri);
    if (at >= 0) {
      // The spec leaves a cycle inoperative; resolving what remains would silently drop its controls, so refuse.
      const cycle = [...stack.slice(at), loaded.uri].map((u) => basename(u)).join(' → ');
      const message = `circular import: ${cycle}`;
      const issue = resolveIssue('import_cycle', { cycle }, ['profile', 'imports', i, 'href'], uri, message);
      throw new DomainError('import_failed', message, [issue], { reason: 'oscal_import_cycle', params: { cycle } });
    }
    ctx.documents.add(loaded.uri);
    if (ctx.documents.size > RESOLUTION_LIMITS.maxDocuments) {
      const params = { max: RESOLUTION_LIMITS.maxDocuments };
      const message = `imports more than ${params.max} documents`;
      const issue = resolveIssue('too_many_documents', params, ['profile', 'imports', i], uri, message);
      throw new DomainError('import_failed', message, [issue], { reason: 'oscal_too_many_documents', params });
    }
    let source: Catalog;
    if ('catalog' in loaded.doc) source = loaded.doc.catalog;
    else if ('profile' in loaded.doc) source = (await importedProfile(loaded, loaded.doc.profile, stack, ctx)).catalog;
    else
      throw new DomainError('import_failed', `${loaded.uri} is neither an OSCAL catalog nor a profile`, undefined, {
        reason: 'oscal_not_catalog_or_profile',
        params: { file: basename(loaded.uri) },
      });
    const index = indexCatalog(source);
    const selected = selectIds(index, imp, `$.profile.imports[${i}]`, ctx.warnings);
    const twin = byUri.get(loaded.uri);
    if (twin) {
      for (const id of selected) twin.selected.add(id);
      continue;
    }
    const selection = { catalog: source, index, selected };
    byUri.set(loaded.uri, selection);
    selections.push(selection);
    resources.push(source['back-matter']?.resources ?? []);
  }
  const body: Body = mergeSelections(selections, profile.merge, ctx.warnings);
  const controls = countControls(body);
  if (controls > RESOLUTION_LIMITS.maxControls) {
    const params = { file: basename(uri), controls, max: RESOLUTION_LIMITS.maxControls };
    const message = `${params.file} resolves to ${controls} controls, more than ${params.max}`;
    const issue = resolveIssue('too_many_controls', params, ['profile', 'imports'], uri, message);
    throw new DomainError('import_failed', message, [issue], { reason: 'oscal_too_many_controls', params });
  }
  applyModify(body, profile.modify, ctx.warnings);
  const included = { controls: body.controls, groups: body.groups };
  if (body.params) {
    const kept = pruneLooseParams(body.params, included);
    if (kept.length) body.params = kept;
    else delete body.params;
  }
  pruneGroupParams(body.groups, included);
  resources.push(profile['back-matter']?.resources ?? []);
  const backMatter = resolveBackMatter(resources, body, profile.metadata);
  return { body, backMatter, controls };
}

/**
 * Resolves an OSCAL profile into a catalog following NIST's profile resolution specification:
 * import (selection), merge (combination and structure), modify (set-parameters, alters).
 *
 * @example
 * const { catalog } = await resolveProfile(profileJson, { loader: fileLoader({ catalogs: ['cat.json'] }), uri: 'p.json' });
 */
export async function resolveProfile(
  input: { profile: Profile } | Profile,
  opts: ResolveOptions,
): Promise<ResolveResult> {
  const profile = 'profile' in input ? input.profile : input;
  if (!profile || !Array.isArray(profile.imports)) {
    const file = basename(opts.uri ?? 'profile.json');
    throw new DomainError(
      'validation_failed',
      `${file} is not an OSCAL profile`,
      [{ path: ['profile', 'imports'], message: 'is required', code: 'oscal_required', params: {}, file }],
      { reason: 'oscal_not_profile', params: { file } },
    );
  }
  const uri = opts.uri ?? resolvePath(process.cwd(), 'profile.json');
  const ctx: Context = { opts, warnings: [], resolved: new Map(), documents: new Set() };
  const { body, backMatter } = await resolveBody(profile, uri, [uri], ctx);
  const metadata = cloneJson(profile.metadata);
  metadata['last-modified'] = (opts.now ?? new Date()).toISOString();
  metadata.props = [{ name: 'resolution-tool', value: RESOLUTION_TOOL }, ...(metadata.props ?? [])];
  metadata.links = [{ href: basename(uri), rel: 'source-profile' }, ...(metadata.links ?? [])];
  const catalog: Catalog = { uuid: opts.uuid ?? randomUUID(), metadata, ...body };
  if (backMatter) catalog['back-matter'] = backMatter;
  return { catalog: { catalog }, warnings: ctx.warnings };
}

/** Reads a profile file and resolves it; `catalogs` are explicit files that override matching import hrefs. */
export async function resolveProfileFile(
  path: string,
  opts: { catalogs?: string[]; cwd?: string; now?: Date; uuid?: string; loader?: DocumentLoader } = {},
): Promise<ResolveResult> {
  const cwd = opts.cwd ?? process.cwd();
  const uri = resolvePath(cwd, path);
  const loader = opts.loader ?? fileLoader({ catalogs: opts.catalogs ?? [], cwd });
  const { doc } = await loader.load(uri, uri);
  if (!('profile' in doc))
    throw new DomainError('validation_failed', `${path} is not an OSCAL profile`, undefined, {
      reason: 'oscal_not_profile',
      params: { file: basename(uri) },
    });
  return resolveProfile(doc, { loader, uri, now: opts.now, uuid: opts.uuid });
}
