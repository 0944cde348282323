import type { Issue, IssueCatalog, IssueParams } from '../errors';

/**
 * Every problem an OSCAL mapping-collection import reports beyond the schema check (formats/oscal/validate.ts), with
 * the params it carries; the UI says `issue.<code>` after the JSON path, `message` is English for the CLI.
 */
export const MAPPING_COLLECTION_ISSUES = {
  unknown_edition: ['href'],
  unknown_relationship: ['relationship'],
  unknown_node: ['node'],
  duplicate_mapping: ['source', 'target'],
  empty_collection: [],
} as const satisfies IssueCatalog;
export type MappingCollectionIssueCode = keyof typeof MAPPING_COLLECTION_ISSUES;

/** One problem at `path`; the params are typed by the code, so none can be left out. */
export function collectionIssue<C extends MappingCollectionIssueCode>(
  code: C,
  params: IssueParams<typeof MAPPING_COLLECTION_ISSUES, C>,
  path: (string | number)[],
  message: string,
): Issue {
  return { path, message, code, params };
}
