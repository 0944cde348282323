import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { login, startTestServer, type TestServer } from '../support/server';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';
import { createServerApp } from '../../src/server/app';

function csp(res: Response): Map<string, string> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k!, v.join(' ')]),
  );
}

describe('security headers on the web app, the API and the API docs', () => {
  let s: TestServer;
  let app: TestServer['app'];
  beforeAll(async () => {
    s = await startTestServer();
    s.deps.webDir = join(resolve(import.meta.dirname, '..', '..'), 'dist', 'web');
    app = createServerApp(s.deps);
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'u@headers.test', displayName: 'U', password: 'headers-password-1' },
    );
  });
  afterAll(async () => s?.close());

  for (const path of [
    '/',
    '/catalogs',
    '/api/docs',
    '/api/docs/init.js',
    '/api/v1/openapi.json',
    '/api/v1/auth/session',
    '/api/v1/nope',
  ]) {
    it(`sends a strict policy on ${path}`, async () => {
      const res = await app.request(path);
      const p = csp(res);
      expect(p.get('script-src')).toBe("'self'");
      expect(p.get('default-src')).toBe("'self'");
      expect(p.get('frame-ancestors')).toBe("'none'");
      expect(p.get('object-src')).toBe("'none'");
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      // Plain HTTP: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });
  }

  it('serves pages without inline script (the docs page loads its init from a file)', async () => {
    for (const path of ['/', '/api/docs']) {
      const html = await (await app.request(path)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs, path).toMatch(/\bsrc=/);
        expect(body!.trim(), path).toBe('');
      }
      expect(html, path).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it('sends HSTS over TLS only: an https URL, or X-Forwarded-Proto from a trusted proxy', async () => {
    expect(
      (await app.request('https://hub.example.test/api/v1/auth/session')).headers.get('strict-transport-security'),
    ).toMatch(/max-age=\d{7,}/);
    const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
    expect((await app.request('/api/docs', forwarded)).headers.get('strict-transport-security')).toBeNull();
    s.deps.trustProxy = true;
    try {
      expect((await app.request('/api/docs', forwarded)).headers.get('strict-transport-security')).toMatch(/max-age=/);
    } finally {
      s.deps.trustProxy = false;
    }
  });

  it('marks API answers no-store, authenticated ones and errors alike; app assets stay cacheable', async () => {
    const c = await login(app, 'u@headers.test', 'headers-password-1');
    const res = await app.request('/api/v1/auth/session', { headers: { cookie: c.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/api/v1/organizations')).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/api/docs/assets/swagger-ui.css')).headers.get('cache-control')).toMatch(/max-age/);
  });
});
