import type { Blocker, BlockerRule, ClearAction } from '../../core/statement/blockers';
import type { StatementTier } from '../../core/statement/criteria';

/**
 * The words the PDF report and the blockers CSV print, in Japanese and English (the glossary's official terms).
 * The web app says the same from its own catalogue (src/web/i18n); these files leave the app, so they carry theirs.
 */
export type ReportLang = 'ja' | 'en';

type Texts = Record<ReportLang, string>;

const rules: Record<BlockerRule, Texts> = {
  governance_not_implemented: {
    ja: 'ガバナンス基準の項目が実施されていない',
    en: 'Governance item not implemented',
  },
  management_not_implemented: {
    ja: 'マネジメント基準の項目が実施されていない',
    en: 'Management item not implemented',
  },
  objective_not_addressed: {
    ja: '統制目標が実施されておらず、理由を付けた除外もされていない',
    en: 'Control objective neither implemented nor excluded with a reason',
  },
  basic_not_implemented: {
    ja: '基本言明要件の詳細管理策が実施されていない',
    en: 'Basic statement requirement not implemented',
  },
  selected_not_implemented: {
    ja: '選択した詳細管理策が実施されていない',
    en: 'Selected detailed control not implemented',
  },
  control_text_missing: { ja: '個別管理策が記載されていない', en: 'No individual control text' },
  exclusion_reason_missing: { ja: '除外の理由が記載されていない', en: 'Excluded without a reason' },
  not_selected_reason_missing: { ja: '非選択の理由が記載されていない', en: 'Not selected without a reason' },
  inherited_without_registration: {
    ja: '継承元のサービス「{{service}}」にISMAP登録番号がない',
    en: 'Inherited from “{{service}}”, which has no ISMAP registration number',
  },
  period_missing: { ja: '監査対象期間が設定されていない', en: 'The statement has no audit period' },
  period_invalid: {
    ja: '監査対象期間 {{start}} – {{end}} が正しい期間ではない',
    en: 'Audit period {{start}} – {{end}} is not a valid range',
  },
  period_too_long: {
    ja: '監査対象期間が1年を超えている ({{latestEnd}} までに終了すること)',
    en: 'Audit period longer than 12 months (it must end by {{latestEnd}})',
  },
  period_too_short: {
    ja: '監査対象期間が3か月未満 ({{earliestEnd}} 以降に終了すること)',
    en: 'Audit period shorter than 3 months (it must end on or after {{earliestEnd}})',
  },
  period_gap: {
    ja: '前回の監査対象期間 ({{previousEnd}} 終了) との間に空白がある ({{expectedStart}} に開始すること)',
    en: 'Gap after the previous period (ended {{previousEnd}}): start {{expectedStart}}',
  },
  period_overlap: {
    ja: '前回の監査対象期間 ({{previousEnd}} 終了) と重なっている ({{expectedStart}} に開始すること)',
    en: 'Overlaps the previous period (ended {{previousEnd}}): start {{expectedStart}}',
  },
};

const clears: Record<ClearAction, Texts> = {
  implement: { ja: '実施する', en: 'Implement it' },
  implement_or_exclude: { ja: '実施するか、理由を付けて除外する', en: 'Implement it, or exclude it with a reason' },
  write_control: { ja: '個別管理策を記載する', en: 'Write the individual control' },
  give_reason: { ja: '理由を記載する', en: 'Give the reason' },
  register_underlying: {
    ja: '継承元サービスのISMAP登録番号を記入する',
    en: 'Enter the underlying service’s ISMAP registration number',
  },
  fix_period: { ja: '監査対象期間を直す', en: 'Fix the audit period' },
};

export const tierNames: Record<StatementTier, Texts> = {
  governance: { ja: 'ガバナンス基準', en: 'Governance criteria' },
  management: { ja: 'マネジメント基準', en: 'Management criteria' },
  controls: { ja: '管理策基準', en: 'Controls criteria' },
};

export const labels = {
  title: { ja: '言明書 準備状況レポート', en: 'Statement readiness report' },
  statement: { ja: '言明書', en: 'Statement' },
  service: { ja: 'クラウドサービス', en: 'Cloud service' },
  catalog: { ja: '管理基準', en: 'Catalog' },
  period: { ja: '監査対象期間', en: 'Audit period' },
  noPeriod: { ja: '未設定', en: 'not set' },
  state: { ja: '状態', en: 'State' },
  subServices: { ja: '言明の範囲 (サブサービス)', en: 'Scope of the statement (sub-services)' },
  regions: { ja: 'リージョン', en: 'Regions' },
  underlying: { ja: '範囲外のサービス (ISMAP登録番号)', en: 'Services used, not covered (ISMAP registration number)' },
  unregistered: { ja: '登録番号なし', en: 'no registration number' },
  generatedAt: { ja: '作成日時', en: 'Generated' },
  summary: { ja: '概要', en: 'Summary' },
  items: { ja: '管理基準の項目', en: 'Criteria items' },
  inScope: { ja: '言明の対象', en: 'In the statement' },
  ready: { ja: '準備完了', en: 'Ready' },
  blocked: { ja: '阻害要因のある項目', en: 'Items with blockers' },
  blockers: { ja: '登録の阻害要因', en: 'Registration blockers' },
  undecided: { ja: '未決定の詳細管理策', en: 'Undecided detailed controls' },
  readiness: { ja: '準備状況', en: 'Readiness' },
  byTier: { ja: '基準別の準備状況', en: 'Readiness by tier' },
  byClause: { ja: '項目別の準備状況', en: 'Readiness by clause' },
  clause: { ja: '項目', en: 'Clause' },
  item: { ja: '項番', en: 'Item' },
  rule: { ja: '阻害要因', en: 'Blocker' },
  clears: { ja: '解消方法', en: 'What clears it' },
  ruleCode: { ja: '規則コード', en: 'Rule code' },
  clearsCode: { ja: '解消コード', en: 'Clears code' },
  wholeStatement: { ja: '言明書全体', en: 'Whole statement' },
  none: { ja: '登録の阻害要因はありません。', en: 'Nothing blocks registration.' },
  page: { ja: 'ページ', en: 'Page' },
  legendReady: { ja: '準備完了', en: 'ready' },
  legendBlocked: { ja: '阻害要因あり', en: 'blocked' },
} satisfies Record<string, Texts>;

export const stateNames: Record<string, Texts> = {
  draft: { ja: '作成中', en: 'Draft' },
  ready_for_audit: { ja: '監査準備完了', en: 'Ready for audit' },
  under_audit: { ja: '監査中', en: 'Under audit' },
  audited: { ja: '監査済', en: 'Audited' },
  superseded: { ja: '後継あり', en: 'Superseded' },
};

const fill = (template: string, params: Blocker['params']) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = params[k];
    return v === null || v === undefined ? '—' : String(v);
  });

/** The blocker's rule as a sentence in the language, with its parameters filled in. */
export const ruleText = (b: Pick<Blocker, 'rule' | 'params'>, lang: ReportLang) => fill(rules[b.rule][lang], b.params);
export const clearsText = (c: ClearAction, lang: ReportLang) => clears[c][lang];
