import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { checkArchitecture, importsOf, sourceFile, testFile } from './support/architecture-rules';

// The rules themselves are in test/support/architecture-rules.ts; this file runs them on the real tree, and on
// planted violations so that a rule which silently matches nothing fails here.

const src = resolve(__dirname, '..', 'src');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (sourceFile.test(name) && !testFile.test(name)) yield p;
  }
}

const tree = [...files(src)].map((p) => ({
  path: relative(src, p).split(sep).join('/'),
  text: readFileSync(p, 'utf8'),
}));

describe('architecture', () => {
  it('the tree follows every rule', () => {
    expect(checkArchitecture(tree)).toEqual([]);
  });

  it('reads JavaScript files too (the PGlite worker host is .mjs)', () => {
    expect(tree.some((f) => f.path.endsWith('.mjs'))).toBe(true);
  });

  const planted: [string, string, string, RegExp][] = [
    ['an outward import', 'app/x.ts', "import { openEngine } from '../db/engine';", /imports \.\.\/db\/engine \(db\)/],
    ['a side-effect import', 'app/x.ts', "import '../server/app';", /imports \.\.\/server\/app \(server\)/],
    ['a dynamic import', 'core/x.ts', "const m = await import('../app/record-audit');", /\(core\) imports/],
    ['a re-export', 'formats/x.ts', "export * from '../db/schema';", /imports \.\.\/db\/schema/],
    ['an outward import in .mjs', 'db/x.mjs', "import { app } from '../server/app.js';", /db\/x\.mjs \(db\) imports/],
    ['drizzle in app', 'app/x.ts', "import { eq } from 'drizzle-orm';", /drizzle-orm belongs in db/],
    ['hono in app', 'app/x.ts', "import { Hono } from 'hono';", /hono belongs in server/],
    ['pino in app', 'app/x.ts', "import pino from 'pino';", /pino belongs in/],
    ['pg in server', 'server/x.ts', "import pg from 'pg';", /pg belongs in db/],
    ['hono in cli', 'cli/x.ts', "import { serve } from '@hono/node-server';", /hono belongs in server/],
    ['React in server', 'server/x.tsx', "import { useState } from 'react';", /React belongs in web/],
    ['Mantine in core', 'core/x.ts', "import { Button } from '@mantine/core';", /Mantine belongs in web/],
    ['exceljs in server', 'server/x.ts', "import ExcelJS from 'exceljs';", /exceljs belongs in formats/],
    [
      'pdfkit in server',
      'server/x.ts',
      "const { default: PDF } = await import('pdfkit');",
      /pdfkit belongs in formats/,
    ],
    ['node:path in core', 'core/x.ts', "import { join } from 'node:path';", /built-in node:path/],
    ['node:fs in core', 'core/x.ts', "import { readFileSync } from 'node:fs';", /built-in node:fs/],
    ['Date.now() in core', 'core/x.ts', 'export const t = () => Date.now();', /Date\.now\(\)/],
    ['new Date() in core', 'core/x.ts', 'export const t = () => new Date();', /new Date\(\)/],
    ['Math.random() in core', 'core/x.ts', 'export const r = () => Math.random();', /Math\.random\(\)/],
    [
      'randomUUID in core',
      'core/x.ts',
      "import { randomUUID } from 'node:crypto';\nexport const r = randomUUID();",
      /randomness/,
    ],
    ['a file outside the layers', 'x.ts', 'export {};', /outside any known layer/],
    [
      'a route using a repository',
      'server/routes/x/routes.ts',
      "const u = await c.get('deps').uow.read.users.get(id);",
      /touches the repositories/,
    ],
    [
      'a route reading the clock',
      'server/routes/x/routes.ts',
      "const now = c.get('deps').clock.now();",
      /reads the clock/,
    ],
    [
      'a route attaching abilities',
      'server/routes/x/routes.ts',
      'return { ...o, abilities: abilities(policy, actor, o) };',
      /attaches abilities/,
    ],
    [
      'a use case attaching abilities',
      'app/use-cases/x/list-things.ts',
      'return list.map((t) => ({ ...t, abilities: abilities(thingPolicy, ctx.actor, t) }));',
      /\(use case\) attaches abilities/,
    ],
  ];
  for (const [what, path, text, expected] of planted) {
    it(`fails on ${what}`, () => {
      const found = checkArchitecture([{ path, text }]);
      expect(found.length).toBeGreaterThan(0);
      expect(found.join('\n')).toMatch(expected);
    });
  }

  it('allows what the layers may do', () => {
    const fine = [
      {
        path: 'core/x.ts',
        text: "import { createHash } from 'node:crypto';\nexport const at = (s: string) => new Date(s);",
      },
      { path: 'core/y.ts', text: '// Date.now() is not called here\nexport const s = "Math.random()";' },
      { path: 'db/x.ts', text: "import { sql } from 'drizzle-orm';\nimport type { Actor } from '../core/identity';" },
      {
        path: 'web/x.tsx',
        text: "import '@mantine/core/styles.css';\nimport './styles.css';\nimport { t } from '../core/t';",
      },
      { path: 'cli/x.ts', text: "import pino from 'pino';\nimport { openEngine } from '../db/engine';" },
      {
        path: 'server/routes/x/presenter.ts',
        text: 'export const p = (o: O, a: A) => ({ ...o, abilities: abilities(policy, a, o) });',
      },
      {
        path: 'app/use-cases/x/list-things.ts',
        text: "// the presenter attaches abilities(…)\nauthorize(thingPolicy, ctx.actor, 'read', t);\nreturn { ...t, policyInput };",
      },
    ];
    expect(checkArchitecture(fine)).toEqual([]);
  });

  it('finds every kind of import', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import './c';",
      "export { d } from './d';",
      "export * from './e';",
      "const f = await import('./f');",
      "import {\n  g,\n  h,\n} from './g';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a', './b', './c', './d', './e', './f', './g']);
  });
});
