export { statementToOscalSsp, type SspExportInput } from './export';
export { oscalSspToStatement, type SspImportOptions } from './import';
