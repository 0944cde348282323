import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import type { MappingSetInput, Repositories } from '../../src/app/ports/repositories';

const set = (id: string, orgId: string | null = null): MappingSetInput => ({
  id,
  title: id,
  description: '',
  provenance: 'test',
  source: 'import',
  orgId,
  contentHash: null,
  updatedAt: new Date(),
});
const edition = {
  catalog: 'rev-test',
  edition: '1',
  title: { en: 'Revision test' },
  provenance: 'test',
  publishedAt: null,
  contentHash: 'h',
  source: 'import' as const,
  loadedAt: new Date(),
};
const node = {
  id: 'a',
  kind: 'control',
  depth: 0,
  parentId: null,
  position: 0,
  label: 'A',
  flags: [],
  title: { en: 'A' },
  text: {},
  textSource: {},
  params: [],
  sourceRefs: [],
  props: {},
};

// The content revision is raised by the database itself (migration 0007's triggers), inside the writing
// transaction: a rollback leaves it, a commit moves exactly the part that was written.
describeEachEngine('content revision', (engine) => {
  const revision = () => testDeps(engine()).uow.read.contentRevision.get();
  const write = (fn: (r: Repositories) => Promise<void>) => testDeps(engine()).uow.transaction(fn);

  it('moves the mappings revision on a mapping-set write, and not on a rollback', async () => {
    const before = await revision();
    await write((r) => r.mappings.putSet(set('rev-a')));
    const after = await revision();
    expect(after).toEqual({ catalogs: before.catalogs, mappings: expect.any(Number) });
    expect(after.mappings).toBeGreaterThan(before.mappings);
    await expect(
      write(async (r) => {
        await r.mappings.putSet(set('rev-b'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await revision()).toEqual(after);
  });

  it('moves the catalogs revision when an edition and its nodes are written', async () => {
    const before = await revision();
    await write((r) => r.catalogs.insertEdition(edition, [node]));
    const after = await revision();
    expect(after.catalogs).toBeGreaterThan(before.catalogs);
    expect(after.mappings).toBe(before.mappings);
    await write((r) => r.catalogs.deleteEdition(edition.catalog, edition.edition));
    expect((await revision()).catalogs).toBeGreaterThan(after.catalogs);
  });

  it('stores the published flag, false for a new set, and keeps it when the set is put again without it', async () => {
    const repo = testDeps(engine()).uow.read.mappings;
    await write((r) => r.mappings.putSet(set('rev-pub', '00000000-0000-4000-8000-000000000001')));
    expect((await repo.getSet('rev-pub'))?.published).toBe(false);
    const before = await revision();
    await write((r) => r.mappings.setPublished('rev-pub', true, new Date()));
    expect((await repo.getSet('rev-pub'))?.published).toBe(true);
    expect((await revision()).mappings).toBeGreaterThan(before.mappings);
    await write((r) =>
      r.mappings.putSet({ ...set('rev-pub', '00000000-0000-4000-8000-000000000001'), title: 'renamed' }),
    );
    expect(await repo.getSet('rev-pub')).toMatchObject({ title: 'renamed', published: true });
    expect((await repo.listSets()).find((s) => s.id === 'rev-pub')).toMatchObject({ published: true, count: 0 });
  });
});
