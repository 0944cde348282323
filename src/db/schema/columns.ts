import { timestamp } from 'drizzle-orm/pg-core';

/** Timestamps are stored with their time zone and read as Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
