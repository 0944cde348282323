import { expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { generateApiTypes, generatedTypesFile } from '../../scripts/generate-api-types';

// The web app's API types are generated from the server's OpenAPI document; a schema change without regenerating
// them would let the web app compile against a contract the server no longer keeps.
it('src/web/api/generated/openapi.ts matches the OpenAPI document (run `npm run generate:api` if not)', async () => {
  const committed = readFileSync(generatedTypesFile, 'utf8');
  const fresh = await generateApiTypes();
  if (committed !== fresh) {
    expect.fail('src/web/api/generated/openapi.ts is stale: run `npm run generate:api` and commit the result');
  }
});

// Response types are the generated ones; a hand-written one drifts from what the server sends. An alias of a
// generated type is fine (`type X = Schemas['X']`, `Json<…>['issues'][number]`); one spelling out fields is not.
const responseLike = /(Result|Response|Issue|Summary|Detail)s?$/;

function handWrittenResponseTypes(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const spellsOut = (node: ts.Node): boolean => {
    let literal = false;
    let reference = false;
    const walk = (n: ts.Node): void => {
      if (ts.isTypeLiteralNode(n) || ts.isMappedTypeNode(n)) literal = true;
      if (ts.isTypeReferenceNode(n) || ts.isTypeQueryNode(n)) reference = true;
      ts.forEachChild(n, walk);
    };
    walk(node);
    return literal || !reference;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isInterfaceDeclaration(n) && responseLike.test(n.name.text)) {
      found.push(`${fileName}: interface ${n.name.text}`);
    }
    if (ts.isTypeAliasDeclaration(n) && responseLike.test(n.name.text) && spellsOut(n.type)) {
      found.push(`${fileName}: type ${n.name.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p === generatedDir ? [] : webSources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const webDir = fileURLToPath(new URL('../../src/web', import.meta.url));
const generatedDir = join(webDir, 'api', 'generated');

it('no web file declares a response type by hand (use Schemas / Json<path, method> from api/client)', () => {
  const found = webSources(webDir).flatMap((f) =>
    handWrittenResponseTypes(relative(webDir, f), readFileSync(f, 'utf8')),
  );
  expect(found).toEqual([]);
});

it('the check finds hand-written response types (planted: the old api/import-text.ts) and allows aliases', () => {
  const old = `
    export interface ImportIssue {
      message: string;
      code?: string;
      row?: number;
      column?: string;
      severity?: 'error' | 'warning';
    }
    export interface ImportResult {
      ok: boolean;
      written: boolean;
      detection: { headerRow: number | null; explanation: string[] };
      issues: ImportIssue[];
      issueTotal: number;
      issueCounts: Record<string, number>;
    }
    export type SetSummary = { id: string; count: number };
    export type NodeDetails = Partial<Record<string, { id: string }>>;
    export type CountResponse = number;`;
  expect(handWrittenResponseTypes('import-text.ts', old)).toEqual([
    'import-text.ts: interface ImportIssue',
    'import-text.ts: interface ImportResult',
    'import-text.ts: type SetSummary',
    'import-text.ts: type NodeDetails',
    'import-text.ts: type CountResponse',
  ]);
  const aliases = `
    export type MappingSetSummary = Schemas['MappingSetSummary'];
    export type TextImportResult = Json<'/catalogs/{catalog}/import-text', 'post'>;
    export type TextImportIssue = TextImportResult['issues'][number];
    export type ApiIssue = NonNullable<ErrorBody['issues']>[number];
    export interface PickedColumns { id?: string }`;
  expect(handWrittenResponseTypes('aliases.ts', aliases)).toEqual([]);
});
