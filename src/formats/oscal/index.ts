/** OSCAL (JSON): profile resolution, schema validation, ISMAP export, and conversion to catalog editions. */
export {
  resolveProfile,
  resolveProfileFile,
  RESOLUTION_TOOL,
  type ResolveOptions,
  type ResolveResult,
} from './resolve';
export { fileLoader, memoryLoader, type DocumentLoader, type LoadedDocument } from './load';
export {
  validateOscalDocument,
  oscalError,
  OSCAL_ISSUES,
  OSCAL_MODELS,
  type OscalValidation,
  type OscalIssueCode,
} from './validate';
export { catalogToOscal, oscalId, ISMAP_NS } from './export-catalog';
export {
  catalogFileName,
  profileBasicRequirements,
  profileLiuSubset,
  type ProfileExportOptions,
} from './export-profile';
export { oscalCatalogToEdition } from './to-edition';
export type * from './types';
