import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../app/ports/services';

export const systemClock: Clock = { now: () => new Date() };

export const cryptoIds: IdGenerator = {
  uuid: () => randomUUID(),
  token: () => randomBytes(32).toString('base64url'),
};
