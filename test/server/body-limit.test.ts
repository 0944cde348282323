import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type Caller, type TestServer } from '../support/server';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';
import { listen, sendBody } from '../support/raw-http';
import { JSON_BODY_LIMIT } from '../../src/server/middleware/body-limit';

const MiB = 1024 * 1024;
const json = { 'content-type': 'application/json' };

describe('request body limits, before parsing and before authentication', () => {
  let s: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;
  let admin: Caller;
  beforeAll(async () => {
    s = await startTestServer();
    s.deps.maxUploadBytes = 256 * 1024;
    const pw = 'body-limit-password-1';
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'root@limit.test', displayName: 'R', password: pw, isPlatformAdmin: true },
    );
    admin = await login(s.app, 'root@limit.test', pw);
    http = await listen(s);
  });
  afterAll(async () => {
    await http?.stop();
    await s?.close();
  });

  it('refuses an anonymous chunked JSON body past the limit with 413 while it streams in', async () => {
    // 64 MiB offered; the server must answer after about the first MiB, not read (or hold) the rest.
    const r = await sendBody(http.url, '/api/v1/auth/login', {
      headers: json,
      chunk: Buffer.alloc(64 * 1024, 0x20),
      total: 64 * MiB,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('payload_too_large');
    expect(r.sent).toBeLessThan(32 * MiB);
  });

  it('refuses a declared Content-Length past the limit without waiting for the body', async () => {
    const r = await sendBody(http.url, '/api/v1/auth/login', {
      headers: json,
      chunk: Buffer.alloc(1024, 0x20),
      total: 1024,
      contentLength: 300 * MiB,
    });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
    expect(JSON.parse(r.body).error.code).toBe('payload_too_large');
  });

  it('limits bodies on routes outside the API too', async () => {
    const r = await sendBody(http.url, '/anything', {
      headers: { 'content-type': 'text/plain' },
      chunk: Buffer.alloc(64 * 1024, 0x61),
      total: 4 * MiB,
    });
    expect(r.status).toBe(413);
  });

  it('gives uploads the configured limit, streamed: a chunked multipart body past it is refused with 413', async () => {
    const boundary = 'xBOUNDARYx';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n`;
    const r = await sendBody(http.url, '/api/v1/catalogs/ismap/import-text', {
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
      },
      chunk: Buffer.from(head + 'x'.repeat(64 * 1024 - head.length)),
      total: 8 * MiB,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('payload_too_large');
    expect(r.sent).toBeLessThan(8 * MiB);
  });

  it('accepts a JSON body within the limit', async () => {
    const body = JSON.stringify({ email: 'nobody@example.test', password: 'x'.repeat(JSON_BODY_LIMIT / 2) });
    const res = await s.app.request('/api/v1/auth/login', { method: 'POST', headers: json, body });
    expect(res.status).not.toBe(413);
  });
});
