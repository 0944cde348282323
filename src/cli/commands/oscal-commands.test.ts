import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { command as resolve } from './oscal-resolve';
import { command as validate } from './oscal-validate';

const CONTENT = new URL('../../../content/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'oscal-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(cmd: typeof resolve, argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await cmd.run({ argv, stdout, stderr, env: process.env, cwd: dir });
  return { code, out, err };
}

const profile = (href: string) => ({
  profile: {
    uuid: '11111111-2222-4333-8444-555555555555',
    metadata: { title: href, 'last-modified': '2026-01-01T00:00:00Z', version: '1', 'oscal-version': '1.1.2' },
    imports: [{ href, 'include-all': {} }],
  },
});

describe('ismap oscal resolve', () => {
  it('resolves a FedRAMP profile with --catalog and writes the catalog', async () => {
    const r = await run(resolve, [
      `${CONTENT}fedramp-rev5/profiles/FedRAMP_rev5_LI-SaaS-baseline_profile-min.json`,
      '--catalog',
      `${CONTENT}nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json`,
      '--out',
      'li-saas.json',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ out: join(dir, 'li-saas.json'), groups: 18 });
    expect(summary.controls).toBeGreaterThanOrEqual(156);
    const written = JSON.parse(readFileSync(join(dir, 'li-saas.json'), 'utf8'));
    expect(written.catalog.metadata.title).toMatch(/^FedRAMP Rev 5 Tailored Low Impact/);
  });

  it('prints the number of warnings and the first few; --verbose lists them all', async () => {
    // FedRAMP HIGH alters assessment objectives of a later catalog revision: hundreds of warnings against 5.1.1.
    const args = [
      `${CONTENT}fedramp-rev5/profiles/FedRAMP_rev5_HIGH-baseline_profile-min.json`,
      '--catalog',
      `${CONTENT}nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json`,
      '--out',
      'high.json',
    ];
    const r = await run(resolve, args);
    expect(r.code, r.err).toBe(0);
    const total = Number(/^(\d+) warning\(s\), the first 5:$/m.exec(r.err)?.[1]);
    expect(total).toBeGreaterThan(100);
    expect(r.err.match(/^warning: /gm)).toHaveLength(5);
    expect(r.err).toContain(`… and ${total - 5} more (--verbose lists them all`);
    const verbose = await run(resolve, [...args, '--verbose']);
    expect(verbose.err.match(/^warning: /gm)).toHaveLength(total);
    const json = JSON.parse((await run(resolve, [...args, '--json'])).out) as { warnings: unknown[] };
    expect(json.warnings).toHaveLength(total);
  }, 60_000);

  it('exits 1 when an import cannot be found, 2 on usage errors', async () => {
    const missing = await run(resolve, [
      `${CONTENT}fedramp-rev5/profiles/FedRAMP_rev5_LOW-baseline_profile-min.json`,
      '--out',
      'x.json',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--catalog');
    writeFileSync(join(dir, 'loop_a.json'), JSON.stringify(profile('loop_b.json')));
    writeFileSync(join(dir, 'loop_b.json'), JSON.stringify(profile('loop_a.json')));
    const cycle = await run(resolve, ['loop_a.json', '--out', 'x.json']);
    expect(cycle.code).toBe(1);
    // The English message with where it is: the file and the JSON path of the import that closes the circle.
    expect(cycle.err).toContain(
      '  - loop_b.json: $.profile.imports[0].href: circular import: loop_a.json → loop_b.json',
    );
    expect((await run(resolve, ['a.json'])).code).toBe(2);
    expect((await run(resolve, ['--out', 'x.json'])).code).toBe(2);
    expect((await run(resolve, ['a.json', '--out', 'x', '--bogus'])).code).toBe(2);
  });
});

describe('ismap oscal validate', () => {
  it('exits 0 for a valid document', async () => {
    const r = await run(validate, [
      `${CONTENT}nist-sp800-53-rev4/profiles/NIST_SP-800-53_rev4_LOW-baseline_profile-min.json`,
    ]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('valid OSCAL profile (schema 1.1.3)');
  });

  it('exits 1 and prints each error with its JSON path', async () => {
    const doc = {
      catalog: {
        uuid: 'nope',
        metadata: { title: 'x', 'last-modified': '2024-01-01T00:00:00Z', version: '1', 'oscal-version': '1.1.2' },
        groups: [{ title: 'g', controls: [{ id: 'c1' }] }],
      },
    };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
    const r = await run(validate, ['bad.json']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('$.catalog.uuid:');
    expect(r.out).toContain('$.catalog.groups[0].controls[0].title: is required');
    const json = await run(validate, ['bad.json', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, model: 'catalog', version: '1.1.3' });
  });

  it('exits 1 for unreadable JSON and 2 for usage errors', async () => {
    writeFileSync(join(dir, 'broken.json'), '{');
    expect((await run(validate, ['broken.json'])).code).toBe(1);
    writeFileSync(join(dir, 'deep.json'), `{"catalog":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const deep = await run(validate, ['deep.json']);
    expect(deep).toMatchObject({
      code: 1,
      err: expect.stringMatching(/deep\.json: JSON nested deeper than 256 levels/),
    });
    expect((await run(validate, [])).code).toBe(2);
    expect((await run(validate, ['a.json', 'b.json'])).code).toBe(2);
  });
});
