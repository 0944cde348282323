export { contentDir } from './content-dir';
export { ismapEditionFromSkeleton, ISMAP_CATALOG, ISMAP_EDITION, tierRootId } from './ismap';
export { baselineFromProfile, profileControlIds } from './baselines';
export { iso2013Edition, iso2022Edition } from './iso';
export { ismapMappingSets } from './mappings-ismap';
export { nistIsoMappingSet } from './mappings-nist-iso';
export { loadBundledContent, type BundledContent } from './load';
export { bundledFingerprint } from './fingerprint';
