/** Gap analysis from a Statement of Applicability (適用宣言書) or an OSCAL SSP: readers, the run, and the report writers. */
export { loadGapContext, analyzeGapFile, type GapContext, type GapAnalysis } from './analyze';
export { loadSoa, isoKnownIds, type LoadedSoa } from './read-soa';
export { loadSsp, BUNDLED_OSCAL, type LoadedSsp } from './read-ssp';
export { detectSoaColumns, parseSoaColumnsOption, applySoaColumnsOption, type SoaDetection } from './soa-columns';
export { gapReportCsv, gapReportXlsx, gapItemRows, pathText, type ReportLang } from './write-report';
