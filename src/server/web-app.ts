import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { HonoEnv } from './env';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Serves the built web app (dist/web); unknown paths get index.html so client-side routes load directly. */
export function webApp(dir: string | undefined) {
  const app = new Hono<HonoEnv>();
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    app.get('/', (c) =>
      c.text('ISMAP Hub API is running. The web app is not built: run `npm run build:web`. API docs: /api/docs', 200),
    );
    return app;
  }
  app.get('*', async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return c.notFound();
    const file = normalize(join(dir, path));
    if (file.startsWith(dir + sep) && extname(file) && existsSync(file)) {
      const immutable = path.startsWith('/assets/');
      return c.body(await readFile(file), 200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    return c.body(await readFile(join(dir, 'index.html')), 200, {
      'Content-Type': types['.html']!,
      'Cache-Control': 'no-cache',
    });
  });
  return app;
}
