import { serve } from '@hono/node-server';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestServer } from './server';

/** The test server's app on a loopback port, for what `app.request` cannot show (chunked bodies, early answers). */
export async function listen(s: TestServer): Promise<{ url: URL; stop(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((res) => {
    const srv = serve({ fetch: s.app.fetch, port: 0, hostname: '127.0.0.1' }, () => res(srv));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    stop: () =>
      new Promise<void>((r) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes of the body written before the server answered (or the connection closed). */
  sent: number;
}

/**
 * Sends `total` bytes of `chunk` repeated (chunked unless `contentLength` is given), stopping as soon as the
 * server answers: a server that refuses early is not made to wait for the rest.
 */
export function sendBody(
  url: URL,
  path: string,
  opts: { headers: Record<string, string>; chunk: Buffer; total: number; contentLength?: number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers = {
      ...opts.headers,
      ...(opts.contentLength !== undefined ? { 'content-length': String(opts.contentLength) } : {}),
    };
    const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent }));
      res.on('error', reject);
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < opts.total) {
        sent += opts.chunk.length;
        if (!req.write(opts.chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
