/** OSCAL 1.2 mapping-collection JSON: ISMAP Hub mapping sets in and out. */
export { mappingSetToOscal, type MappingSetHeader } from './write';
export { oscalToMappingSet } from './read';
export { fromOscalRelationship, toOscalRelationship, type OscalMappingCollection } from './shared';
