import { describe, expect, it, inject } from 'vitest';
import pg from 'pg';

describe('private PostgreSQL cluster', () => {
  it('answers', async () => {
    const url = inject('pgUrl');
    if (!url) return;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query('select version()');
    expect(String(r.rows[0].version)).toMatch(/PostgreSQL 1[5-9]/);
    await c.end();
  });
});
