import { describe, expect, it } from 'vitest';
import { CatalogCache } from './catalog-cache';
import type { ContentRevision, Repositories, UnitOfWork } from './ports/repositories';

/** A unit of work whose reads count the queries a snapshot costs, with a revision the test moves. */
function fakeUow() {
  const calls = { revision: 0, editions: 0, mappings: 0 };
  const state = { revision: { catalogs: 1, mappings: 1 } as ContentRevision, mappingCount: 0 };
  const read = {
    contentRevision: { get: async () => (calls.revision++, { ...state.revision }) },
    catalogs: { listEditions: async () => (calls.editions++, []), allNodes: async () => [] },
    mappings: {
      listSets: async () => [],
      all: async () => {
        calls.mappings++;
        return Array.from({ length: state.mappingCount }, (_, i) => ({
          id: `m${i}`,
          setId: 's',
          source: 'a:1:x',
          target: 'b:1:y',
          relationship: 'equal' as const,
          provenance: { document: 'd', method: 'manual' as const },
          confidence: 1,
          createdBy: null,
          createdAt: new Date(0),
        }));
      },
    },
  } as unknown as Repositories;
  const uow: UnitOfWork = {
    read,
    exclusive: (_task, fn) => fn(),
    transaction: () => Promise.reject(new Error('read-only fake')),
  };
  return { uow, calls, state };
}

describe('CatalogCache', () => {
  it('answers reads from memory while nothing changed: no query at all, not even a stamp', async () => {
    const { uow, calls } = fakeUow();
    const cache = new CatalogCache();
    const first = await cache.get(uow);
    for (let i = 0; i < 10; i++) expect(await cache.get(uow)).toBe(first);
    expect(calls).toEqual({ revision: 1, editions: 1, mappings: 1 });
  });

  it('reloads only the mappings after a local mapping write, and both after a catalog write', async () => {
    const { uow, calls } = fakeUow();
    const cache = new CatalogCache();
    await cache.get(uow);
    cache.invalidateMappings();
    await cache.get(uow);
    expect(calls).toEqual({ revision: 2, editions: 1, mappings: 2 });
    cache.invalidate();
    await cache.get(uow);
    expect(calls).toEqual({ revision: 3, editions: 2, mappings: 3 });
  });

  it('never serves a snapshot older than a revision it was told of (another server commit, by NOTIFY)', async () => {
    const { uow, calls, state } = fakeUow();
    const cache = new CatalogCache();
    expect((await cache.get(uow)).mappings).toHaveLength(0);
    state.mappingCount = 1;
    state.revision = { catalogs: 1, mappings: 2 };
    // An old notification (or our own, already loaded) changes nothing.
    cache.observe({ catalogs: 1, mappings: 1 });
    expect((await cache.get(uow)).mappings).toHaveLength(0);
    cache.observe({ catalogs: 1, mappings: 2 });
    expect((await cache.get(uow)).mappings).toHaveLength(1);
    expect(calls.editions).toBe(1);
    expect(cache.seen).toEqual({ catalogs: 1, mappings: 2 });
  });

  it('does not keep a failed load: the next read tries again', async () => {
    const { uow, calls } = fakeUow();
    let fail = true;
    const all = uow.read.mappings.all;
    uow.read.mappings.all = () => (fail ? Promise.reject(new Error('db down')) : all());
    const cache = new CatalogCache();
    await expect(cache.get(uow)).rejects.toThrow('db down');
    fail = false;
    await expect(cache.get(uow)).resolves.toBeDefined();
    expect(calls.revision).toBe(2);
  });
});
