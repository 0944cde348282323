/**
 * Cross-framework mappings, after NIST IR 8477 (set-theory relationship mapping) and the OSCAL mapping model.
 * A mapping says how a source node relates to a target node, who said so (provenance) and how sure we are.
 * Node keys are `<catalog>:<edition>:<id>` (see catalog/model.ts `nodeKey`).
 */

/**
 * Read `source <relationship> target`:
 * - 'equal': same intent and scope;
 * - 'subset-of': everything the source asks is asked by the target, which asks for more;
 * - 'superset-of': the converse;
 * - 'intersects-with': they overlap, neither contains the other (or we cannot tell which);
 * - 'no-relationship': stated explicitly as unrelated (kept so a reviewer's "no" is recorded).
 */
export const relationships = ['equal', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship'] as const;
export type Relationship = (typeof relationships)[number];

/** official: published by the framework owner; derived: computed from facts (shared numbering, composition);
 * community: a third party's mapping; manual: entered by a user of this system. */
export const mappingMethods = ['official', 'derived', 'community', 'manual'] as const;
export type MappingMethod = (typeof mappingMethods)[number];

export interface MappingProvenance {
  /** The document or data file the statement comes from. */
  document: string;
  method: MappingMethod;
}

/**
 * Confidence is a number in [0, 1]; the named levels below are what the bundled sets use, so a number
 * can be shown as a word. We keep numbers (not words) because composition takes the minimum.
 */
export const confidenceLevels = { certain: 1, high: 0.9, medium: 0.7, low: 0.4 } as const;

export function confidenceLabel(c: number): 'certain' | 'high' | 'medium' | 'low' {
  if (c >= 1) return 'certain';
  if (c >= confidenceLevels.high) return 'high';
  if (c >= confidenceLevels.medium) return 'medium';
  return 'low';
}

export interface Mapping {
  source: string;
  target: string;
  relationship: Relationship;
  provenance: MappingProvenance;
  confidence: number;
  note?: string;
}

export interface MappingSet {
  id: string;
  title: string;
  description: string;
  /** Where the set comes from (a PROVENANCE file, a document name). */
  provenance: string;
  mappings: Mapping[];
}

/**
 * How strong a claim a relationship makes: equal 3 > subset/superset 2 > intersects 1 > none 0.
 * Composition never returns something stronger than its weakest link.
 */
export function strength(r: Relationship): number {
  switch (r) {
    case 'equal':
      return 3;
    case 'subset-of':
    case 'superset-of':
      return 2;
    case 'intersects-with':
      return 1;
    case 'no-relationship':
      return 0;
  }
}

/** The relationship read from target to source: subset-of ↔ superset-of; the others are symmetric. */
export function inverse(r: Relationship): Relationship {
  if (r === 'subset-of') return 'superset-of';
  if (r === 'superset-of') return 'subset-of';
  return r;
}

/** The mapping read in the other direction, provenance and confidence unchanged. */
export function invertMapping(m: Mapping): Mapping {
  return { ...m, source: m.target, target: m.source, relationship: inverse(m.relationship) };
}
