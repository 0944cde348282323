import type pg from 'pg';

export interface NotificationHandlers {
  /** A notification on one of the channels, committed by any process on this database (this one included). */
  notify(channel: string, payload: string): void;
  /** Notifications may have been missed (the listening connection is down, or only now listens): assume anything changed. */
  lost(): void;
  /** The connection listens again (after `lost`); until then caches that rely on notifications should not trust themselves. */
  listening?(): void;
}

/**
 * LISTEN on a connection of its own (outside the pool, which it would otherwise hold forever), on every channel at
 * once. A dropped connection is re-opened with a growing delay, and `lost` runs once it listens again, so a change
 * made meanwhile is not missed.
 */
export function listenForNotifications(
  Client: typeof pg.Client,
  url: string,
  channels: readonly string[],
  handlers: NotificationHandlers,
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
      if (channels.includes(n.channel)) handlers.notify(n.channel, n.payload ?? '');
    });
    try {
      await c.connect();
      for (const ch of channels) await c.query(`LISTEN ${ch}`);
      delay = 250;
      // Whatever committed before LISTEN took effect was not notified to us.
      handlers.lost();
      handlers.listening?.();
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
