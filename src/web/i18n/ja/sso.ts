import type { Messages } from '../en';

/** シングルサインオン（OpenID Connect）：サインイン画面と組織ページ。 */
export const sso: Pick<Messages, 'sso' | 'ssoRefusal'> = {
  sso: {
    signInWith: '組織のアカウントでサインイン（SSO）',
    emailHint: '業務用のメールアドレスを入力すると、組織のサインイン画面に移動します。',
    continue: '続ける',
    or: 'または',
    settingsTitle: 'シングルサインオン（OpenID Connect）',
    issuer: 'Issuer URL',
    clientId: 'クライアント ID',
    clientSecret: 'クライアントシークレット',
    clientSecretSet:
      'クライアントシークレットは保存済みです（表示されません）。変更しない場合は空欄のままにしてください。',
    clientSecretNone: 'クライアントシークレットなし（PKCE を使う公開クライアント）。',
    allowedDomains: '許可するメールドメイン（カンマ区切り）',
    defaultRole: '新しいメンバーのロール',
    jit: '初回サインイン時にアカウントを作成する（JIT プロビジョニング）',
    enabled: 'シングルサインオンを有効にする',
    save: '保存',
    saved: '保存しました',
    ssoUser: 'SSO',
    ssoUserHint: 'シングルサインオンでサインインします（パスワードなし）',
  },
  ssoRefusal: {
    state_unknown: 'このサインインは無効です。最初からやり直してください。',
    state_expired: 'サインインに時間がかかりすぎました。最初からやり直してください。',
    state_replayed: 'このサインインはすでに使われています。最初からやり直してください。',
    browser_mismatch: 'このサインインは別のブラウザーで開始されました。このブラウザーで最初からやり直してください。',
    sso_disabled: 'この組織のシングルサインオンは無効になっています。',
    wrong_audience: 'ID プロバイダーが別のアプリケーション向けのトークンを発行しました（audience の不一致）。',
    token_expired: 'ID プロバイダーのトークンの有効期限が切れています。時刻を確認して再度お試しください。',
    issuer_mismatch: '設定と異なる ID プロバイダーが発行したトークンです（issuer の不一致）。',
    nonce_mismatch: 'このサインインのトークンではありません（nonce の不一致）。最初からやり直してください。',
    id_token_invalid: 'ID プロバイダーのトークンが正しくありません。',
    idp_error: 'ID プロバイダーがサインインを拒否しました。',
    idp_unreachable: 'ID プロバイダーに接続できません。しばらくしてから再度お試しください。',
    email_missing: 'ID プロバイダーからメールアドレスが提供されませんでした。',
    domain_not_allowed: 'このメールドメインはこの組織へのサインインを許可されていません。',
    email_unverified: 'このメールアドレスのアカウントがありますが、ID プロバイダーがメールアドレスを確認していません。',
    existing_account_not_member:
      'このメールアドレスのアカウントはこの組織のメンバーではありません。組織の管理者に招待を依頼してください。',
    not_provisioned: 'アカウントがなく、この組織は初回サインイン時のアカウント作成を行っていません。',
    account_disabled: 'このアカウントは無効化されています。',
    throttled: 'このアドレスからの拒否されたサインインが多すぎます。しばらくしてから再度お試しください。',
  },
};
