import { serve } from '@hono/node-server';
import type { Server } from 'node:http';

/**
 * Serves a fetch handler over node:http. Kept in the server layer so that hono's node adapter stays in its
 * adapter: the CLI asks for a listening server and gets node's `Server` back.
 */
export function listen(
  opts: { fetch: (req: Request) => Response | Promise<Response>; port: number; hostname: string },
  onListening: (info: { port: number }) => void,
): Server {
  return serve(opts, onListening) as Server;
}
