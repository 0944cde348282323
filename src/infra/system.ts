import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdGenerator, Ticker } from '../app/ports/services';

export const systemClock: Clock = { now: () => new Date() };

export const cryptoIds: IdGenerator = {
  uuid: () => randomUUID(),
  token: () => randomBytes(32).toString('base64url'),
};

/** setInterval, unref-ed: a pending tick never keeps the process alive. */
export const systemTicker: Ticker = {
  every(ms, fn) {
    const t = setInterval(fn, ms);
    t.unref();
    return () => clearInterval(t);
  },
};
