import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

// The layer rule of docs/architecture.md: dependencies point inward.
//   core ← app ← {formats, db, infra, server, cli} ← web
// Each layer lists what it may import; anything else fails here. Adapters do not import each other, except that
// the CLI is the composition root and wires the others together.
const allowed: Record<string, string[]> = {
  core: ['core'],
  app: ['core', 'app'],
  formats: ['core', 'app', 'formats'],
  db: ['core', 'app', 'db'],
  infra: ['core', 'app', 'infra'],
  server: ['core', 'app', 'formats', 'server'],
  cli: ['core', 'app', 'formats', 'db', 'infra', 'server', 'cli'],
  web: ['core', 'web'],
};
// Frameworks and I/O that the pure core must not reach for.
const forbiddenInCore = [/^hono/, /^@hono\//, /^drizzle-orm/, /^pg$/, /^@electric-sql\//, /^react/, /^pino/, /^exceljs/, /^node:fs/, /^node:net/, /^node:http/, /^node:child_process/];

const src = resolve(__dirname, '..', 'src');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) yield p;
  }
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function layerOf(file: string): string {
  return relative(src, file).split(sep)[0]!;
}

describe('architecture: layer direction', () => {
  const violations: string[] = [];
  for (const file of files(src)) {
    const layer = layerOf(file);
    const ok = allowed[layer];
    if (!ok) {
      violations.push(`${relative(src, file)}: file outside any known layer`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const target = layerOf(resolve(dirname(file), spec));
        if (!ok.includes(target)) violations.push(`${relative(src, file)} (${layer}) imports ${spec} (${target})`);
      } else if (layer === 'core' && forbiddenInCore.some((r) => r.test(spec))) {
        violations.push(`${relative(src, file)} (core) imports framework/I-O module ${spec}`);
      }
    }
  }
  it('has no import pointing outward', () => {
    expect(violations).toEqual([]);
  });
  it('would catch a violation', () => {
    // Guard against a regex that silently matches nothing.
    const sample = "import { x } from '../db/engine';";
    expect([...sample.matchAll(importRe)].map((m) => m[1])).toEqual(['../db/engine']);
  });
});
