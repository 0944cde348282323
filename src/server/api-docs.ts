import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { HonoEnv } from './env';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ISMAP Hub API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><main id="swagger-ui" aria-label="ISMAP Hub API reference"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// "Try it out" runs in the signed-in browser: writes need the session's CSRF token, fetched once and sent as
// X-CSRF-Token (the same header the web app sends).
const init = `let csrf = null;
async function csrfToken() {
  if (csrf) return csrf;
  const r = await fetch('/api/v1/auth/session', { credentials: 'same-origin' });
  if (r.ok) csrf = (await r.json()).csrfToken;
  return csrf;
}
window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  requestInterceptor: async (req) => {
    if (req.method && req.method.toUpperCase() !== 'GET') {
      const t = await csrfToken();
      if (t) req.headers['X-CSRF-Token'] = t;
    }
    return req;
  },
});`;

/** A readable API reference served from local assets (swagger-ui-dist): no CDN, works offline. */
export function apiDocs() {
  const app = new Hono<HonoEnv>();
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/init.js', (c) => c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = assets[name];
    if (!type) return c.notFound();
    return c.body(await readFile(join(swaggerDir, name)), 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=86400',
    });
  });
  return app;
}
