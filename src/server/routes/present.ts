/** Dates leave the server as ISO 8601 strings. */
export const iso = (d: Date | null) => (d ? d.toISOString() : null);
