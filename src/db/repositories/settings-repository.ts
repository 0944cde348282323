import { eq } from 'drizzle-orm';
import type { SettingsRepository } from '../../app/ports/repositories';
import type { Db } from '../engine';
import { appSettings } from '../schema';

export function settingsRepository(db: Db): SettingsRepository {
  return {
    async get(key) {
      const [r] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
      return r?.value ?? null;
    },
    async put(key, value, at) {
      await db
        .insert(appSettings)
        .values({ key, value, updatedAt: at })
        .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: at } });
    },
  };
}
