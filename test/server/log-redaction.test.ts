import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { apiRouter } from '../../src/server/openapi';
import { startTestServer, type TestServer } from '../support/server';
import { captureLogs } from '../support/log-capture';
import { createLogger, MAX_LOG_LINE } from '../../src/infra/logger';

const SECRET = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$known-secret-hash-for-the-log-test';

for (const engine of ['pglite', 'postgres'] as const) {
  const run = engine === 'postgres' && !inject('pgUrl') ? describe.skip : describe;
  run(`logs of a failing request hold no SQL parameter [${engine}]`, () => {
    let s: TestServer;
    let logs: ReturnType<typeof captureLogs>;
    beforeAll(async () => {
      // A route whose insert fails in the database with a secret among its parameters (as a failed user insert did).
      const failing = () => {
        const app = apiRouter();
        app.post('/test/failing-insert', async (c) => {
          await s.engine.db.execute(
            sql`insert into no_such_table (password_hash, n) values (${SECRET}, ${'x'.repeat(200_000)})`,
          );
          return c.json({}, 200);
        });
        return app;
      };
      s = await startTestServer(engine, [failing]);
      logs = captureLogs(s);
    });
    afterAll(async () => s?.close());

    it('answers 500 and logs the query and the parameter count, never a value, within the line cap', async () => {
      const res = await s.app.request('/api/v1/test/failing-insert', { method: 'POST' });
      expect(res.status).toBe(500);
      const text = logs.text();
      expect(text).toMatch(/unhandled error/);
      expect(text).toContain('insert into no_such_table');
      expect(text).toMatch(/"paramCount":2/);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('known-secret-hash');
      expect(text).not.toContain('x'.repeat(3000));
      for (const line of logs.lines) expect(line.length).toBeLessThanOrEqual(MAX_LOG_LINE);
      // Every line stays one JSON object.
      for (const line of logs.lines) expect(() => JSON.parse(line)).not.toThrow();
    });
  });
}

describe('the logger', () => {
  it('cuts a line past the cap to a short line that says so, still JSON', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (l: string) => void lines.push(l) });
    log.info({ huge: 'y'.repeat(6_000_000) }, 'import failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThanOrEqual(MAX_LOG_LINE);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: expect.stringContaining('import failed') });
  });

  it('censors secret-looking fields', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (l: string) => void lines.push(l) });
    log.info({ password: 'p4ss', user: { passwordHash: SECRET, token: 't0k' }, params: [SECRET] }, 'x');
    expect(lines.join('')).not.toMatch(/p4ss|known-secret|t0k/);
  });

  it('never writes an API token, in a field, a header or the text of an error', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (l: string) => void lines.push(l) });
    const token = `ismap_pat_${'Q'.repeat(20)}secret${'w'.repeat(17)}`;
    log.info({ req: { headers: { authorization: `Bearer ${token}` } }, authorization: `Bearer ${token}` }, 'in');
    log.error({ err: new Error(`refused header Bearer ${token}`), note: `pasted ${token} here` }, `saw ${token}`);
    const text = lines.join('');
    expect(text).not.toContain('secret');
    expect(text).toContain('ismap_pat_[redacted]');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
