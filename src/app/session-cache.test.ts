import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';
import type { SessionWithUser } from './ports/repositories';

const value = {} as SessionWithUser;

describe('SessionCache', () => {
  it('caches nothing while changes made elsewhere cannot be heard', () => {
    const c = new SessionCache(60_000);
    c.set('a', value, c.generation, 0);
    expect(c.get('a', 1)).toBe(value);
    c.live(false);
    expect(c.get('a', 1)).toBeUndefined();
    c.set('a', value, c.generation, 2);
    expect(c.get('a', 3)).toBeUndefined();
    c.live(true);
    c.set('a', value, c.generation, 4);
    expect(c.get('a', 5)).toBe(value);
  });

  it('drops a read that raced with an invalidation, and entries past their TTL', () => {
    const c = new SessionCache(1_000);
    const g = c.generation;
    c.invalidate();
    c.set('a', value, g, 0);
    expect(c.get('a', 0)).toBeUndefined();
    c.set('a', value, c.generation, 0);
    expect(c.get('a', 1_001)).toBeUndefined();
  });
});
