import { posix } from 'node:path';

// The rules of docs/architecture.md, as a pure function over (path, text) pairs so that test/architecture.test.ts
// can run them on the real tree and on planted violations alike.
//
//   core ← app ← {formats, db, infra, server, cli} ← web
//
// 1. Layer direction: every relative import (static, dynamic, re-export or side-effect) stays inside what the
//    importing layer may use. The CLI is the composition root and wires the adapters together.
// 2. Frameworks stay in their adapter: drizzle/pg/PGlite in db, hono in server, React/Mantine/i18next in web,
//    file-format libraries in formats, argon2 in infra, pino in server/cli/infra.
// 3. core is pure: no node: built-ins but hashing (node:crypto's createHash), no clock, no randomness.
// 4. Routes are thin: a route file (server/routes/<resource>/, not its presenter) never reaches for the
//    repositories or the clock — a use case does — and abilities are attached in presenters.
// 5. Abilities are attached in presenters only: a use case (app/use-cases/) authorizes, and returns records with the
//    policy inputs the presenter needs, never `abilities(…)` (so an answer shared by callers stays caller-free).

export const allowedLayers: Record<string, string[]> = {
  core: ['core'],
  app: ['core', 'app'],
  formats: ['core', 'app', 'formats'],
  db: ['core', 'app', 'db'],
  infra: ['core', 'app', 'infra'],
  server: ['core', 'app', 'formats', 'server'],
  cli: ['core', 'app', 'formats', 'db', 'infra', 'server', 'cli'],
  web: ['core', 'web'],
};

/** Which layers may import a package (matched by name prefix); packages not listed are free to use. */
const frameworks: { name: string; pattern: RegExp; layers: string[] }[] = [
  { name: 'drizzle-orm', pattern: /^drizzle-orm(\/|$)/, layers: ['db'] },
  { name: 'pg', pattern: /^pg(-[a-z]+)?(\/|$)/, layers: ['db'] },
  { name: 'PGlite', pattern: /^@electric-sql\//, layers: ['db'] },
  { name: 'hono', pattern: /^(hono|@hono\/[^/]+)(\/|$)/, layers: ['server'] },
  { name: 'swagger-ui', pattern: /^swagger-ui/, layers: ['server'] },
  { name: 'pino', pattern: /^pino(\/|$)/, layers: ['server', 'cli', 'infra'] },
  { name: 'React', pattern: /^(react|react-dom|react-router|react-router-dom|react-i18next)(\/|$)/, layers: ['web'] },
  { name: 'Mantine', pattern: /^@mantine\//, layers: ['web'] },
  { name: 'TanStack', pattern: /^@tanstack\//, layers: ['web'] },
  { name: 'i18next', pattern: /^i18next(\/|$)/, layers: ['web'] },
  { name: 'openapi-fetch', pattern: /^openapi-fetch(\/|$)/, layers: ['web'] },
  { name: 'exceljs', pattern: /^exceljs(\/|$)/, layers: ['formats'] },
  { name: 'csv-parse', pattern: /^csv-parse(\/|$)/, layers: ['formats'] },
  { name: 'yauzl', pattern: /^yauzl(\/|$)/, layers: ['formats'] },
  { name: 'ajv', pattern: /^ajv(-formats)?(\/|$)/, layers: ['formats'] },
  { name: 'pdfkit', pattern: /^pdfkit(\/|$)/, layers: ['formats'] },
  { name: 'argon2', pattern: /^@node-rs\/argon2(\/|$)/, layers: ['infra'] },
  { name: 'tar', pattern: /^tar(\/|$)/, layers: ['infra'] },
];

/** node: built-ins core may use: hashing only (deterministic). */
const coreBuiltins = new Set(['node:crypto']);
/** Clock and randomness core must not reach for; they come in through the app's ports. */
const impureInCore: { what: string; pattern: RegExp }[] = [
  { what: 'Date.now()', pattern: /\bDate\.now\s*\(/ },
  { what: 'new Date() (the clock)', pattern: /\bnew Date\s*\(\s*\)/ },
  { what: 'Math.random()', pattern: /\bMath\.random\s*\(/ },
  { what: 'performance.now()', pattern: /\bperformance\.now\s*\(/ },
  { what: 'crypto randomness', pattern: /\b(randomBytes|randomUUID|randomInt|getRandomValues)\s*\(/ },
];

/** What a route handler leaves to use cases and presenters. */
const routeRules: { what: string; pattern: RegExp }[] = [
  { what: 'touches the repositories (.uow): call a use case', pattern: /\.uow\b/ },
  { what: 'reads the clock: a use case does (deps.clock)', pattern: /\.clock\b|\bnew Date\s*\(\s*\)|\bDate\.now\s*\(/ },
  { what: 'attaches abilities: a presenter does', pattern: /\babilities\s*\(/ },
];

/** Source files the rules read: TypeScript and JavaScript of every flavour, tests excluded. */
export const sourceFile = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
export const testFile = /\.test\.[cm]?[jt]sx?$/;

// import … from 'x' | export … from 'x' | import 'x' (side effect) | import('x') | require('x')
const importRe =
  /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a file's text imports. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(importRe)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4])!);
}

/** Strips comments and string contents, so a rule about code does not fire on prose. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
}

/**
 * The violations in a set of files. Paths are relative to src/, with forward slashes (`core/ids.ts`).
 * @example checkArchitecture([{ path: 'app/x.ts', text: "import '../server/app';" }]) // → one violation
 */
export function checkArchitecture(files: { path: string; text: string }[]): string[] {
  const violations: string[] = [];
  for (const { path, text } of files) {
    const layer = path.split('/')[0]!;
    const ok = allowedLayers[layer];
    if (!ok || !path.includes('/')) {
      violations.push(`${path}: file outside any known layer`);
      continue;
    }
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(path), spec)).split('/')[0]!;
        if (!ok.includes(target)) violations.push(`${path} (${layer}) imports ${spec} (${target})`);
        continue;
      }
      if (layer === 'core' && spec.startsWith('node:') && !coreBuiltins.has(spec)) {
        violations.push(`${path} (core) imports the built-in ${spec}: core does no I/O`);
      }
      const framework = frameworks.find((f) => f.pattern.test(spec));
      if (framework && !framework.layers.includes(layer)) {
        violations.push(
          `${path} (${layer}) imports ${spec}: ${framework.name} belongs in ${framework.layers.join('/')}`,
        );
      }
    }
    if (/^server\/routes\/.+\/(?!presenter\.)[^/]+$/.test(path)) {
      const code = codeOnly(text);
      for (const rule of routeRules) if (rule.pattern.test(code)) violations.push(`${path} (route) ${rule.what}`);
    }
    if (path.startsWith('app/use-cases/') && /\babilities\s*\(/.test(codeOnly(text))) {
      violations.push(`${path} (use case) attaches abilities: return the policy inputs, the presenter attaches them`);
    }
    if (layer === 'core') {
      const code = codeOnly(text);
      for (const rule of impureInCore) {
        if (rule.pattern.test(code)) violations.push(`${path} (core) uses ${rule.what}: pass the clock or ids in`);
      }
    }
  }
  return violations;
}
