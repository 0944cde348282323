import type { AppDeps } from './context';
import { createHash } from 'node:crypto';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** How long a browser stays known after its last sign-in. */
export const KNOWN_DEVICE_MS = 180 * 24 * 3600_000;
export const KNOWN_DEVICES_PER_USER = 20;

/**
 * The id of the known device the cookie names, when it is one of this user's and not expired. Only such a device
 * is exempt from the blocks others cause (it still has its own counter).
 */
export async function knownDeviceOf(deps: AppDeps, token: string | null | undefined, userId: string | null, now: Date) {
  if (!token || !userId || token.length > 200) return null;
  const device = await deps.uow.read.knownDevices.get(digest(token));
  return device && device.userId === userId && device.expiresAt > now ? device.id : null;
}

/** After a successful sign-in: keep the known device alive, or make this browser one; the new cookie, if any. */
export async function rememberDevice(deps: AppDeps, userId: string, knownId: string | null, now: Date) {
  const expiresAt = new Date(now.getTime() + KNOWN_DEVICE_MS);
  if (knownId) {
    await deps.uow.read.knownDevices.touch(knownId, now, expiresAt);
    return null;
  }
  const token = deps.ids.token();
  await deps.uow.read.knownDevices.insert({ id: digest(token), userId, createdAt: now, lastUsedAt: now, expiresAt });
  // A client that never keeps cookies (a script) would add a device per sign-in.
  await deps.uow.read.knownDevices.trim(userId, KNOWN_DEVICES_PER_USER);
  return token;
}
