export { statementToOscalSsp, type SspExportInput } from './export';
export { oscalSspToStatement, type SspImportOptions } from './import';
export { SSP_ISSUES } from './import';
