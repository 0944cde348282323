import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';
import { resolveProfileFile, validateOscalDocument } from '../../src/formats/oscal';

describe('ismap catalog and map commands', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const run = (argv: string[]) => runCli(argv, { env, cwd: dir });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-catalog-cli-'));
    env = { ISMAP_DATA_DIR: join(dir, 'data') };
  });
  // The tests share one data folder (synced once); a run that outlived its timed-out test must end first.
  // Timeouts are generous: each run opens the embedded database, minutes on a loaded 2-core machine under CI.
  afterEach(settleCliRuns);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs the bundled catalogs once, then finds nothing to write', async () => {
    const first = await run(['catalog', 'sync', '--json']);
    expect(first.code, first.err).toBe(0);
    const report = JSON.parse(first.out) as { written: number; editions: { catalog: string; action: string }[] };
    expect(report.written).toBeGreaterThan(20);
    const again = await run(['catalog', 'sync']);
    expect(again.out).toMatch(/^0 written, \d+ unchanged$/m);
  }, 180_000);

  it('maps a loosely given node path by path, with provenance and grouped targets', async () => {
    const r = await run(['map', '9.2.3', '--to', 'nist-800-53r5', '--via', 'iso27001-2013']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/ismap:9\.2\.3 =equal=> iso27001-2013:A\.9\.2\.3 =\S+=> nist-800-53r5:ac-2\n/);
    expect(r.out).toMatch(/derived, content\/ismap\/criteria-skeleton\.json/);
    expect(r.out).toMatch(/Targets:\n {2}nist-800-53r5:\S+ +\S+ +confidence/);
    const json = JSON.parse((await run(['map', 'ismap:9.2.3', '--to', 'nist-800-53r5', '--json'])).out) as {
      targets: { target: string }[];
    };
    expect(json.targets.map((t) => t.target)).toContain('nist-800-53r5:5.1.1:ac-2');
    expect((await run(['map', '9.2.3', '--to', 'no-such-catalog'])).code).toBe(1);
    expect((await run(['map', '9.2.3'])).code).toBe(2);
  }, 180_000);

  it('publishes only an organization’s mapping set: a global one has nothing to publish, an unknown one is not found', async () => {
    const global = await run(['mapping-set', 'publish', 'ismap-2024-07_iso27001-2013_numbering']);
    expect(global.code).toBe(1);
    expect(global.err).toMatch(/may not publish/);
    const unknown = await run(['mapping-set', 'publish', 'user:no-such-org', '--unpublish']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/not found/);
    expect((await run(['mapping-set', 'publish'])).code).toBe(2);
  }, 180_000);

  it('infers the catalog of an id without a prefix from its grammar, and lists the candidates when several fit', async () => {
    const iso = await run(['map', 'A.9.2.3', '--to', 'ismap']);
    expect(iso.code, iso.err).toBe(0);
    expect(iso.out).toMatch(/^iso27001-2013:2013:A\.9\.2\.3 → ismap/m);
    const ambiguous = await run(['map', 'AC-2', '--to', 'ismap']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toMatch(/AC-2 is in \d+ catalogs; name one: .*nist-800-53r5:ac-2/);
    expect(ambiguous.err).toContain('nist-800-53r4:ac-2');
    expect(ambiguous.err).not.toContain('nist-800-53r5-low:'); // a baseline is represented by its catalog
    const named = await run(['map', 'nist-800-53r5:AC-2', '--to', 'ismap']);
    expect(named.code, named.err).toBe(0);
    expect(named.out).toMatch(/=> ismap:9\.2\.\d/);
    expect((await run(['map', '9.2.3', '--to', 'iso27001-2013'])).out).toMatch(/^ismap:/m);
  }, 180_000);

  it('prints every problem of a bad file with row and column, exits 1 and writes nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'id,text\n9.2.3,アクセス\n9.2.3,重複\n99.1.1,未知\n');
    const r = await run(['catalog', 'import-text', 'bad.csv', '--edition', '2024-07']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.csv: row 3, column A: duplicate id 9.2.3 (first at row 2)');
    expect(r.err).toContain('bad.csv: row 4, column A: unknown id 99.1.1');
    expect(r.err).toMatch(/nothing was imported/);
  }, 180_000);

  it('reports third-party parent columns, caps a long problem list, and resolves duplicates with --duplicates', async () => {
    const rows = [
      'domain_id,domain_title,control_id,control_text',
      ...Array.from({ length: 205 }, (_, i) => `9,Access control,9.2.3.3,Text ${i}.`),
    ];
    writeFileSync(join(dir, 'dups.csv'), rows.join('\n') + '\n');
    const dry = await run(['catalog', 'import-text', 'dups.csv', '--edition', '2024-07', '--lang', 'en', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/^dups\.csv \(csv, utf-8, sheet "[^"]*"\): id C, text D, domainId A, domainTitle B$/m);
    expect(dry.out).toContain('showing 200 of 204 issues (duplicate_id 204)');
    expect(dry.err).toMatch(/204 problem\(s\) in dups\.csv; nothing would be imported/);
    const last = await run([
      'catalog',
      'import-text',
      'dups.csv',
      '--edition',
      '2024-07',
      '--lang',
      'en',
      '--duplicates',
      'last',
    ]);
    expect(last.code, last.err).toBe(0);
    expect(last.out).toMatch(/Imported into ismap 2024-07: 1 matched/);
    expect(
      (await run(['catalog', 'import-text', 'dups.csv', '--edition', '2024-07', '--duplicates', 'newest'])).code,
    ).toBe(2);
  }, 180_000);

  it('creates a new edition from a file, and diff lists what it added and changed', async () => {
    writeFileSync(
      join(dir, 'next.csv'),
      'id,title,text\n9.2.3,,Privileged access rights shall be restricted.\n9.2.3.20,,A new detailed control.\n9.2.8,New objective,\n',
    );
    const dry = await run(['catalog', 'import-text', 'next.csv', '--edition', '2025-xx', '--lang', 'en', '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(
      /Dry run, nothing written into ismap 2025-xx \(new, from 2024-07\): 1 matched, 2 new id\(s\), 1 id\(s\) with no text/,
    );
    expect(dry.out).toMatch(
      /^Dry run: will create edition 2025-xx from 2024-07, with mapping sets succession:ismap:2024-07→2025-xx \(1371\)/m,
    );
    const r = await run(['catalog', 'import-text', 'next.csv', '--edition', '2025-xx', '--lang', 'en']);
    expect(r.out).toMatch(/^created edition 2025-xx from 2024-07, and wrote mapping sets/m);
    expect(r.out).toMatch(/^Imported into ismap 2025-xx/m);
    // ismap:9.2.3 is now the 2025-xx node; its paths go on through 2024-07.
    const map = await run(['map', 'ismap:9.2.3', '--to', 'nist-800-53r5']);
    expect(map.code, map.err).toBe(0);
    expect(map.out).toMatch(/^ismap:2025-xx:9\.2\.3 → nist-800-53r5:5\.1\.1/);
    expect(map.out).toMatch(
      /ismap:9\.2\.3 =equal=> ismap:2024-07:9\.2\.3 =equal=> iso27001-2013:A\.9\.2\.3 =\S+=> nist-800-53r5:ac-2\n/,
    );
    const none = await run(['map', 'ismap:2025-xx:9.2.8', '--to', 'nist-800-53r5']);
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/^Hint: ismap:2025-xx:9\.2\.8 has no stored mappings at all/m);
    expect(r.out).toContain('New ids: 9.2.3.20, 9.2.8');
    const diff = await run(['catalog', 'diff', 'ismap', '2024-07', '2025-xx']);
    expect(diff.code, diff.err).toBe(0);
    expect(diff.out).toContain('+ 9.2.3.20  detailed');
    expect(diff.out).toContain('+ 9.2.8  objective  New objective');
    expect(diff.out).toContain('~ 9.2.3  text.en');
    expect(diff.out).toMatch(/2 added, 0 removed, 1 changed/);
    const json = JSON.parse((await run(['catalog', 'diff', 'ismap', '2024-07', '2025-xx', '--json'])).out) as {
      added: { id: string }[];
    };
    expect(json.added.map((n) => n.id)).toEqual(['9.2.3.20', '9.2.8']);
  }, 180_000);

  it('exports an edition as a valid OSCAL catalog and an LIU profile', async () => {
    const r = await run([
      'catalog',
      'export',
      'ismap',
      '--edition',
      '2024-07',
      '--format',
      'oscal',
      '--out',
      'ismap.json',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/valid OSCAL/);
    expect(validateOscalDocument(JSON.parse(readFileSync(join(dir, 'ismap.json'), 'utf8'))).valid).toBe(true);
    writeFileSync(join(dir, 'liu.txt'), '# LIU subset\n9.2.3.11.PB\n12.6.1.1\n');
    const liu = await run([
      'catalog',
      'export',
      'ismap',
      '--edition',
      '2024-07',
      '--profile',
      'liu',
      '--liu-ids',
      'liu.txt',
      '--out',
      'liu.json',
      '--json',
    ]);
    expect(liu.code, liu.err).toBe(0);
    expect(JSON.parse(liu.out)).toMatchObject({ model: 'profile', valid: true });
    expect((await run(['catalog', 'export', 'ismap', '--profile', 'liu', '--out', 'x.json'])).code).toBe(2);
  }, 180_000);

  it('exports a basic profile that names the catalog file it tells the user to write, and the two resolve', async () => {
    const p = await run([
      'catalog',
      'export',
      'ismap',
      '--edition',
      '2024-07',
      '--profile',
      'basic',
      '--out',
      'out/basic.json',
    ]);
    expect(p.code, p.err).toBe(0);
    expect(p.out).toContain(
      'The profile imports the catalog from ismap-2024-07.oscal.json; write it with: ismap catalog export ismap --edition 2024-07 --out out/ismap-2024-07.oscal.json',
    );
    expect(
      (await run(['catalog', 'export', 'ismap', '--edition', '2024-07', '--out', 'out/ismap-2024-07.oscal.json'])).code,
    ).toBe(0);
    const resolved = await resolveProfileFile(join(dir, 'out', 'basic.json'));
    expect(JSON.stringify(resolved.catalog).length).toBeGreaterThan(10_000);
    const custom = await run([
      'catalog',
      'export',
      'ismap',
      '--edition',
      '2024-07',
      '--profile',
      'basic',
      '--catalog-href',
      '../cat/ismap.json',
      '--out',
      'out/custom.json',
      '--json',
    ]);
    expect(JSON.parse(custom.out)).toMatchObject({
      catalogHref: '../cat/ismap.json',
      catalogOut: 'cat/ismap.json',
      valid: true,
    });
    expect((await run(['catalog', 'export', 'ismap', '--catalog-href', 'x.json', '--out', 'y.json'])).code).toBe(2);
  }, 180_000);
});
