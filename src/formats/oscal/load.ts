import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../core/errors';
import { parseJsonText } from '../json-file';
import type { OscalDocument, Resource } from './types';

/** Largest document file read (NIST's largest catalog rendition is about 10 MB). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface LoadedDocument {
  /** Where the document came from; relative hrefs inside it resolve against this. */
  uri: string;
  doc: OscalDocument;
  /** Set when the document was found by a guess (title match, single --catalog) rather than by its href. */
  note?: string;
}

/** What the importing profile says about the resource, used to recognise an explicitly given catalog. */
export interface ImportHint {
  title?: string;
  description?: string;
}

export interface DocumentLoader {
  /** Fetches the document `href` points at, relative to `baseUri`. Throws DomainError 'import_failed'. */
  load(href: string, baseUri: string, hint?: ImportHint): Promise<LoadedDocument>;
}

/**
 * The hrefs an import can be fetched from, best first. `#uuid` points into the profile's back-matter,
 * whose rlinks often list XML, JSON and YAML renditions: JSON is the only one we read, so it goes first.
 */
export function importCandidates(
  href: string,
  resources: Resource[] | undefined,
): { hrefs: string[]; hint: ImportHint } | { error: string } {
  if (!href.startsWith('#')) return { hrefs: [href], hint: {} };
  const uuid = href.slice(1);
  const resource = resources?.find((r) => r.uuid === uuid);
  if (!resource) return { error: `no back-matter resource with uuid ${uuid}` };
  const rank = (mediaType: string | undefined, h: string) =>
    /json/i.test(mediaType ?? '') || /\.json$/i.test(h) ? 0 : mediaType === undefined ? 1 : 2;
  const hrefs = (resource.rlinks ?? [])
    .map((r, i) => ({ h: r.href, k: rank(r['media-type'], r.href), i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((r) => r.h);
  if (hrefs.length === 0) return { error: `back-matter resource ${uuid} has no rlinks` };
  return { hrefs, hint: { title: resource.title, description: resource.description } };
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith('file:');
const stripQuery = (s: string) => s.replace(/[?#].*$/, '');
/** NIST publishes `x.json` and a minified `x-min.json`; both are the same document for our purposes. */
const stem = (name: string) =>
  decodeURIComponent(name)
    .toLowerCase()
    .replace(/\.(json|xml|ya?ml)$/, '')
    .replace(/-min$/, '');
const norm = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

export interface FileLoaderOptions {
  /** Catalogs (or profiles) given explicitly; they win over whatever an href points at when they match it. */
  catalogs?: string[];
  cwd?: string;
}

/**
 * Loads OSCAL JSON from local files. An explicit catalog matches an href when the file names agree (ignoring
 * `-min` and the extension), when the href contains the document's uuid, or when the back-matter resource's
 * title/description equals the document's title; as a last resort a single explicit catalog is used for any
 * JSON import that cannot be found. Parsed documents are cached for the loader's lifetime.
 */
export function fileLoader(opts: FileLoaderOptions = {}): DocumentLoader {
  const cwd = opts.cwd ?? process.cwd();
  const explicit = (opts.catalogs ?? []).map((c) => resolvePath(cwd, c));
  const cache = new Map<string, Promise<OscalDocument>>();

  const read = (path: string): Promise<OscalDocument> => {
    let p = cache.get(path);
    if (!p) {
      p = (async () => {
        let text: string;
        try {
          const { size } = await stat(path);
          if (size > MAX_DOCUMENT_BYTES) throw new Error(`larger than ${MAX_DOCUMENT_BYTES >> 20} MiB`);
          text = await readFile(path, 'utf8');
        } catch (e) {
          throw new DomainError('import_failed', `cannot read ${path}: ${(e as Error).message}`, undefined, {
            reason: 'oscal_unreadable',
            params: { file: basename(path) },
          });
        }
        return parseJsonText(text, path) as OscalDocument; // names the file; refuses JSON nested too deep
      })();
      cache.set(path, p);
    }
    return p;
  };

  return {
    async load(href, baseUri, hint) {
      const clean = stripQuery(href);
      const name = basename(clean.startsWith('file:') ? fileURLToPath(clean) : clean);
      const byName = explicit.find((c) => stem(basename(c)) === stem(name));
      if (byName) return { uri: byName, doc: await read(byName) };

      if (!isUrl(clean)) {
        const local = clean.startsWith('file:')
          ? fileURLToPath(clean)
          : isAbsolute(clean)
            ? clean
            : resolvePath(dirname(baseUri), clean);
        if (existsSync(local)) return { uri: local, doc: await read(local) };
      }

      for (const c of explicit) {
        const doc = await read(c);
        const root = 'catalog' in doc ? doc.catalog : doc.profile;
        const title = norm(root?.metadata?.title);
        const matches =
          (root?.uuid && href.includes(root.uuid)) ||
          (title !== '' && (title === norm(hint?.title) || title === norm(hint?.description)));
        if (matches) return { uri: c, doc, note: `import ${href} matched ${c} by uuid or title` };
      }
      const only = explicit.length === 1 ? explicit[0] : undefined;
      if (only && !/\.(xml|ya?ml)$/i.test(clean)) {
        return { uri: only, doc: await read(only), note: `import ${href} not found; using the only --catalog ${only}` };
      }
      throw new DomainError(
        'import_failed',
        isUrl(clean)
          ? `${href} is a remote URL; pass the file with --catalog`
          : `cannot find ${href} (relative to ${dirname(baseUri)}); pass it with --catalog`,
        undefined,
        { reason: 'oscal_document_not_found', params: { href } },
      );
    },
  };
}

/** A loader over documents already in memory, keyed by file name; used by tests and benchmarks. */
export function memoryLoader(docs: Record<string, OscalDocument>): DocumentLoader {
  const entries = Object.entries(docs);
  return {
    async load(href) {
      const name = stem(basename(stripQuery(href)));
      const hit = entries.find(([k]) => stem(basename(k)) === name);
      if (!hit)
        throw new DomainError('import_failed', `no document for ${href}`, undefined, {
          reason: 'oscal_document_not_found',
          params: { href },
        });
      return { uri: hit[0], doc: hit[1] };
    },
  };
}
