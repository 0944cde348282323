import type { Messages } from '../en';

/** 日本語の UI 文言：アカウントページの API トークン。 */
export const tokens: Pick<Messages, 'apiTokens'> = {
  apiTokens: {
    title: 'APIトークン',
    intro:
      'APIトークンを使うと、スクリプトや ismap コマンド（--server）があなたとして API を利用できます。操作できるのは一つの組織の中だけで、選んだスコープとあなたのロールで許される範囲に限られます。「Authorization: Bearer <トークン>」として送ってください。',
    create: 'APIトークンを作成',
    name: '名前',
    namePlaceholder: '例：夜間のカタログエクスポート',
    organization: '組織',
    platformWide: 'プラットフォーム全体（組織なし）',
    access: 'アクセス',
    read: '読み取り',
    write: '書き込み',
    resources: '対象',
    resource: {
      catalogs: 'カタログ',
      mappings: 'マッピング',
      organizations: '組織とメンバー',
      audit: '監査ログ',
      'cloud-services': 'クラウドサービス',
      statements: '言明書',
      evidence: 'エビデンス',
      remediation: '改善計画',
    },
    expiresIn: '有効期間',
    days: '{{count}}日',
    createdTitle: '新しいAPIトークン「{{name}}」',
    createdNote:
      '今すぐコピーしてください。表示されるのはこの一度だけです。ISMAP Hub はハッシュしか保存しないため、再表示できません。',
    token: 'APIトークン',
    copy: 'トークンをコピー',
    copied: 'コピーしました',
    close: '閉じる',
    done: 'コピーしました（閉じる）',
    none: 'APIトークンはまだありません。',
    scopes: 'スコープ',
    created: '作成日時',
    expires: '有効期限',
    lastUsed: '最終使用',
    never: '未使用',
    state: { active: '有効', expired: '期限切れ', revoked: '無効化済み' },
    revoke: '無効化',
    revokeLabel: 'APIトークン {{name}} を無効化',
  },
};
