import type { StatementTier } from '../../core/statement/criteria';

/**
 * The statement workbook's layout, shared by the writer and the reader: sheet names, columns (each with its
 * Japanese and English header, in the glossary's terms) and the words the code columns accept.
 * Columns are found by their header on import, so a user may reorder or hide them; unknown columns are ignored.
 */
export const STATEMENT_FORMAT = 'ismap-hub-statement';
export const STATEMENT_FORMAT_VERSION = 1;

export const sheetNames = {
  cover: '表紙 Cover',
  underlying: '範囲外サービス Underlying',
  governance: 'ガバナンス基準 Governance',
  management: 'マネジメント基準 Management',
  controls: '管理策基準 Controls',
  history: '変更履歴 Change history',
  meta: '_meta',
} as const;

export const tierSheet: Record<StatementTier, string> = {
  governance: sheetNames.governance,
  management: sheetNames.management,
  controls: sheetNames.controls,
};

export interface Column<K extends string = string> {
  key: K;
  ja: string;
  en: string;
  width: number;
  /** Shown for the reader only (derived or computed); ignored on import. */
  readOnly?: boolean;
}

const col = <K extends string>(key: K, ja: string, en: string, width: number, readOnly = false): Column<K> => ({
  key,
  ja,
  en,
  width,
  ...(readOnly ? { readOnly } : {}),
});

/** Rows 1 and 2 hold the Japanese and the English headers; data starts on row 3. */
export const HEADER_ROWS = 2;

export const itemColumns = [
  col('id', '項番', 'ID', 14),
  col('kind', '種別', 'Kind', 16),
  col('flags', '区分 (.B/.P)', 'Flags (.B/.P)', 8),
  col('titleJa', '管理基準 (日本語)', 'Criteria title (ja)', 36),
  col('titleEn', '管理基準 (英語)', 'Criteria title (en)', 36),
  col('selection', '選択 (入力値)', 'Selection (stored)', 14),
  col('effective', '選択状態', 'Selection (effective)', 16, true),
  col('reason', '理由', 'Reason', 30),
  col('inheritedFrom', '継承元', 'Inherited from', 14),
  col('status', '実施状況', 'Status', 14),
  col('owner', '担当者', 'Owner', 14),
  col('controlJa', '個別管理策 (日本語)', 'Individual control (ja)', 48),
  col('controlEn', '個別管理策 (英語)', 'Individual control (en)', 48),
  col('blockers', '登録の阻害要因', 'Registration blockers', 30, true),
  col('answerDigest', '回答時の管理基準ダイジェスト', 'Answered against (digest)', 20),
  col('criteriaDigest', '管理基準ダイジェスト', 'Criteria digest', 20),
  col('version', '版', 'Version', 8),
  col('textJa', '管理基準本文 (日本語)', 'Criteria text (ja)', 40),
  col('textEn', '管理基準本文 (英語)', 'Criteria text (en)', 40),
] as const;
export type ItemColumnKey = (typeof itemColumns)[number]['key'];

export const historyColumns = [
  col('item', '項番', 'ID', 14),
  col('effectiveDate', '適用日', 'Effective date', 14),
  col('beforeJa', '変更前 (日本語)', 'Before (ja)', 40),
  col('beforeEn', '変更前 (英語)', 'Before (en)', 40),
  col('afterJa', '変更後 (日本語)', 'After (ja)', 40),
  col('afterEn', '変更後 (英語)', 'After (en)', 40),
  col('note', '備考', 'Note', 30),
  col('recordedBy', '記録者', 'Recorded by', 20),
] as const;
export type HistoryColumnKey = (typeof historyColumns)[number]['key'];

export const underlyingColumns = [
  col('id', 'ID', 'ID', 12),
  col('name', 'サービス名', 'Service name', 30),
  col('provider', '提供者', 'Provider', 24),
  col('registrationNumber', 'ISMAP登録番号', 'ISMAP registration number', 22),
] as const;
export type UnderlyingColumnKey = (typeof underlyingColumns)[number]['key'];

/** The cover sheet: one field a row, found by its key in column A. */
export const coverColumns = [
  col('key', 'キー', 'Key', 22),
  col('label', '項目', 'Field', 34),
  col('value', '値', 'Value', 24),
  col('ja', '日本語', 'Japanese', 60),
  col('en', '英語', 'English', 60),
] as const;

export type CoverField =
  | { key: string; ja: string; en: string; kind: 'value' | 'text' | 'info' }
  | { key: string; ja: string; en: string; kind: 'list-text' | 'list-value' };

/** Order on the sheet. `info` rows are computed at export and ignored on import; `list-*` repeat, one per entry. */
export const coverFields: CoverField[] = [
  { key: 'service.name', ja: 'クラウドサービス名', en: 'Cloud service name', kind: 'text' },
  { key: 'service.model', ja: 'サービスモデル', en: 'Service model', kind: 'value' },
  { key: 'service.track', ja: '制度', en: 'Track', kind: 'value' },
  { key: 'statement.catalog', ja: '管理基準', en: 'Catalog', kind: 'value' },
  { key: 'statement.edition', ja: '版', en: 'Edition', kind: 'value' },
  { key: 'statement.periodStart', ja: '監査対象期間 (開始)', en: 'Audit period (start)', kind: 'value' },
  { key: 'statement.periodEnd', ja: '監査対象期間 (終了)', en: 'Audit period (end)', kind: 'value' },
  {
    key: 'statement.previousPeriodStart',
    ja: '前回の監査対象期間 (開始)',
    en: 'Previous audit period (start)',
    kind: 'value',
  },
  {
    key: 'statement.previousPeriodEnd',
    ja: '前回の監査対象期間 (終了)',
    en: 'Previous audit period (end)',
    kind: 'value',
  },
  { key: 'statement.state', ja: '言明書の状態', en: 'Statement state', kind: 'value' },
  { key: 'statement.subsequentEvents', ja: '後発事象', en: 'Subsequent events', kind: 'text' },
  { key: 'statement.specialNotes', ja: '特記事項', en: 'Special notes', kind: 'text' },
  {
    key: 'scope.subService',
    ja: '言明の範囲 (サブサービス)',
    en: 'Scope of the statement (sub-service)',
    kind: 'list-text',
  },
  { key: 'scope.region', ja: '言明の範囲 (リージョン)', en: 'Scope of the statement (region)', kind: 'list-value' },
  { key: 'scope.systemOverview', ja: 'システム概要', en: 'System overview', kind: 'text' },
  { key: 'scope.logicalStructure', ja: '論理構成', en: 'Logical structure', kind: 'text' },
  { key: 'scope.populations', ja: '母集団の定義', en: 'Population definitions', kind: 'text' },
  { key: 'summary.items', ja: '管理基準の項目数', en: 'Criteria items', kind: 'info' },
  { key: 'summary.inScope', ja: '言明の対象', en: 'In the statement', kind: 'info' },
  { key: 'summary.ready', ja: '準備完了', en: 'Ready', kind: 'info' },
  { key: 'summary.percent', ja: '準備状況 (%)', en: 'Readiness (%)', kind: 'info' },
  { key: 'summary.blockers', ja: '登録の阻害要因', en: 'Registration blockers', kind: 'info' },
];

/** Words accepted in the code columns besides the code itself (what a Japanese user may type). */
export const selectionWords: Record<string, string> = {
  選択: 'selected',
  非選択: 'not_selected',
  選択しない: 'not_selected',
  除外: 'excluded',
  継承: 'inherited',
};
export const statusWords: Record<string, string> = {
  未着手: 'not_started',
  計画済: 'planned',
  計画済み: 'planned',
  実施中: 'in_progress',
  実施済: 'implemented',
  実施済み: 'implemented',
};
export const effectiveLabels: Record<string, string> = {
  required: '必須 required',
  selected: '選択 selected',
  not_selected: '非選択 not selected',
  excluded: '除外 excluded',
  exempted: '除外に伴い対象外 exempted',
  inherited: '継承 inherited',
  undecided: '未決定 undecided',
};
