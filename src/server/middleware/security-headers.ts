import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { HonoEnv } from '../env';

/**
 * One policy for the web app, the API and the API docs. No inline script anywhere (the docs page loads its init
 * from /api/docs/init.js). Styles allow 'unsafe-inline': Mantine and Swagger UI inject <style> elements at run
 * time and the static index.html has no per-request nonce to hand them; style injection cannot run script.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * An evidence preview (a PDF or raster image served inline, see routes/evidence/files.ts) is framed by the app's own
 * pages only, runs nothing and loads nothing: a sandbox with no permissions.
 */
export const PREVIEW_POLICY =
  "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
const isPreview = (path: string, disposition: string | null) =>
  /^\/api\/v1\/evidence\/[^/]+\/versions\/\d+\/content$/.test(path) && !!disposition?.startsWith('inline');

const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(): MiddlewareHandler<HonoEnv> {
  const common = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Sent only over TLS (below): over plain HTTP the header is meaningless and on localhost it would stick.
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await common(c, async () => {
      await next();
    });
    const deps = c.get('deps');
    const proto = deps?.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
    const url = new URL(c.req.url);
    if (url.protocol === 'https:' || proto === 'https') c.res.headers.set('Strict-Transport-Security', HSTS);
    // API answers carry session-specific data: never kept by a browser or a shared cache.
    if (url.pathname.startsWith('/api/v1/')) c.res.headers.set('Cache-Control', 'no-store');
    if (isPreview(url.pathname, c.res.headers.get('Content-Disposition'))) {
      c.res.headers.set('Content-Security-Policy', PREVIEW_POLICY);
      c.res.headers.set('X-Frame-Options', 'SAMEORIGIN');
    }
  };
}
