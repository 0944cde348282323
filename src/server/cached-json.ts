import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

/** Variants kept per record: one per distinct set of abilities callers bring to it. */
const MAX_VARIANTS = 16;

const cache = new WeakMap<object, Map<string, Buffer>>();

/**
 * A JSON answer served as bytes serialized once. `record` is a shared, immutable record-level answer kept with the
 * catalog snapshot (`CatalogSnapshot.memo`): the same object for every caller with the same mapping view until the
 * content revision moves, when the snapshot and its memo are replaced and the bytes kept here go with them (a
 * WeakMap: nothing to invalidate). `variant` must name everything else `present` puts in the answer — the caller's
 * abilities, spelled out, never a stand-in such as a user id — so two callers share bytes exactly when they would
 * get the same bytes anyway. A caller's private mapping sets are in the record (a view of its own), never in
 * `variant` alone.
 *
 * Serializing a node page was the largest single cost of answering it (JSON.stringify of ~10 KB per request).
 */
export function cachedJson<T>(
  c: Context,
  record: object,
  variant: string,
  present: () => T,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  let variants = cache.get(record);
  if (!variants) cache.set(record, (variants = new Map()));
  let bytes = variants.get(variant);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(present()));
    if (variants.size >= MAX_VARIANTS) variants.clear();
    variants.set(variant, bytes);
  }
  // Typed as what c.json would answer, which the route's response schema checks against.
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' }) as unknown as Response &
    TypedResponse<JSONParsed<T>, 200, 'json'>;
}
