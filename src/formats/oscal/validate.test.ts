import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointerToPath, schemaVersionFor, validateOscalDocument } from './validate';

// Tests poke into documents freely; a loose type keeps the mutations readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const read = (p: string): Loose => JSON.parse(readFileSync(p, 'utf8'));
// NIST's examples, copied into the repository (see test/fixtures/oscal/PROVENANCE.md).
const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/oscal/examples', import.meta.url));
const CONTENT = new URL('../../../content/', import.meta.url).pathname;

describe('validateOscalDocument against NIST schemas', () => {
  const files = [
    ...readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `${EXAMPLES}/${f}`),
    `${CONTENT}nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json`,
    `${CONTENT}nist-sp800-53-rev4/catalog/NIST_SP-800-53_rev4_catalog-min.json`,
    ...['rev4', 'rev5'].flatMap((rev) =>
      readdirSync(`${CONTENT}nist-sp800-53-${rev}/profiles`).map((f) => `${CONTENT}nist-sp800-53-${rev}/profiles/${f}`),
    ),
    ...readdirSync(`${CONTENT}fedramp-rev5/profiles`).map((f) => `${CONTENT}fedramp-rev5/profiles/${f}`),
  ];
  it.each(files.map((f) => [f.split('/').pop(), f]))('%s is valid', (_name, file) => {
    const result = validateOscalDocument(read(file as string));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.version).toBe('1.1.3');
  });

  it('reports every error of a broken catalog with its JSON path', () => {
    const doc = read(`${CONTENT}nist-sp800-53-rev4/catalog/NIST_SP-800-53_rev4_catalog-min.json`);
    doc.catalog.groups[0].controls[3].id = '3 not a token';
    delete doc.catalog.groups[1].title;
    doc.catalog.groups[2].controls[0].colour = 'red';
    doc.catalog.metadata['last-modified'] = 'yesterday';
    const result = validateOscalDocument(doc);
    expect(result.valid).toBe(false);
    expect(result.model).toBe('catalog');
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain('$.catalog.groups[0].controls[3].id');
    expect(paths).toContain('$.catalog.groups[1].title');
    expect(paths).toContain('$.catalog.groups[2].controls[0].colour');
    expect(paths).toContain('$.catalog.metadata.last-modified');
    expect(result.errors.find((e) => e.path === '$.catalog.groups[1].title')?.message).toBe('is required');
  });

  it('checks unicode patterns (\\p{L}) rather than rejecting or ignoring them', () => {
    const doc = read(`${EXAMPLES}/basic-catalog.json`);
    doc.catalog.groups[0].id = 'グループ_1'; // letters in any script are fine in an OSCAL token
    expect(validateOscalDocument(doc).valid).toBe(true);
    doc.catalog.groups[0].id = '1グループ';
    expect(validateOscalDocument(doc).errors.map((e) => e.path)).toContain('$.catalog.groups[0].id');
  });

  it('picks the schema by oscal-version and validates mapping-collection with 1.2.1', () => {
    expect(schemaVersionFor('1.0.4')).toBe('1.1.3');
    expect(schemaVersionFor('1.1.2')).toBe('1.1.3');
    expect(schemaVersionFor('1.2.0')).toBe('1.2.1');
    expect(schemaVersionFor('2.0.0')).toBeNull();
    const catalog12 = read(`${EXAMPLES}/basic-catalog.json`);
    catalog12.catalog.metadata['oscal-version'] = '1.2.1';
    expect(validateOscalDocument(catalog12)).toMatchObject({ valid: true, version: '1.2.1' });
    catalog12.catalog.metadata['oscal-version'] = '9.9';
    expect(validateOscalDocument(catalog12)).toMatchObject({
      valid: false,
      errors: [{ path: '$.catalog.metadata.oscal-version' }],
    });
    const mapping = {
      'mapping-collection': {
        uuid: '0f6a2e8e-8c2e-4d2b-9b8e-0e6c7a8b9c0d',
        metadata: { title: 'm', 'last-modified': '2025-01-01T00:00:00Z', version: '1', 'oscal-version': '1.2.1' },
      },
    };
    const r = validateOscalDocument(mapping);
    expect(r).toMatchObject({ valid: false, version: '1.2.1', model: 'mapping-collection' });
    expect(r.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['$.mapping-collection.provenance', '$.mapping-collection.mappings']),
    );
  });

  it('rejects what is not an OSCAL document', () => {
    expect(validateOscalDocument([1, 2])).toMatchObject({ valid: false, errors: [{ path: '$' }] });
    expect(pointerToPath('/a/0/b~1c', { a: [{}] })).toBe('$.a[0]["b/c"]');
  });
});
