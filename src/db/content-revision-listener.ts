import type pg from 'pg';
import type { ContentRevision } from '../app/ports/repositories';

/** The channel migration 0007's triggers notify on, with the payload `<catalogs> <mappings>`. */
export const CONTENT_REVISION_CHANNEL = 'ismap_content_revision';

export interface RevisionHandlers {
  /** A revision committed by any process on this database (this one included). */
  revision(r: ContentRevision): void;
  /** Notifications may have been missed (the listening connection was down): assume anything changed. */
  lost(): void;
}

/**
 * LISTEN on a connection of its own (outside the pool, which it would otherwise hold forever). A dropped connection
 * is re-opened with a growing delay, and `lost` runs once it listens again, so a change made meanwhile is not missed.
 */
export function listenForRevisions(
  Client: typeof pg.Client,
  url: string,
  handlers: RevisionHandlers,
): { close(): Promise<void> } {
  let closed = false;
  let client: pg.Client | null = null;
  let delay = 250;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    client = null;
    if (closed) return;
    handlers.lost();
    timer = setTimeout(() => void open(), delay);
    timer.unref();
    delay = Math.min(delay * 2, 10_000);
  };

  async function open(): Promise<void> {
    if (closed) return;
    const c = new Client({ connectionString: url });
    client = c;
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (client === c) retry();
    };
    c.on('error', fail);
    c.on('end', fail);
    c.on('notification', (n) => {
      if (n.channel !== CONTENT_REVISION_CHANNEL || !n.payload) return;
      const [catalogs, mappings] = n.payload.split(' ').map(Number);
      if (Number.isFinite(catalogs) && Number.isFinite(mappings))
        handlers.revision({ catalogs: catalogs!, mappings: mappings! });
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CONTENT_REVISION_CHANNEL}`);
      delay = 250;
      // Whatever committed before LISTEN took effect was not notified to us.
      handlers.lost();
    } catch {
      fail();
    }
  }
  void open();

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        c.removeAllListeners('error');
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
