import type { Page } from 'playwright-core';

/**
 * A JSON API call made by the signed-in page itself (its session cookie and CSRF token), for setting up data a
 * browser test or bench needs but does not exercise through the UI. Throws on a non-2xx answer with its body.
 */
export async function pageApi<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const out = await page.evaluate(
    async ({ method, path, body }) => {
      const s = await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' } });
      const { csrfToken } = (await s.json()) as { csrfToken: string };
      const r = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          accept: 'application/json',
          'x-csrf-token': csrfToken,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, text: await r.text() };
    },
    { method, path, body },
  );
  if (out.status < 200 || out.status >= 300) throw new Error(`${method} ${path}: ${out.status} ${out.text}`);
  return (out.text ? JSON.parse(out.text) : null) as T;
}
