import { systemActor, type Actor } from '../../../core/identity';
import type { Criterion } from '../../../core/statement/criteria';
import { blankAnswer, type ItemAnswer } from '../../../core/statement/model';
import type { AppDeps } from '../../context';
import { editionCriteria } from '../../statement-readiness';
import { createCloudService } from '../cloud-services/create-cloud-service';
import { updateCloudService } from '../cloud-services/update-cloud-service';
import { createStatement } from '../statements/create-statement';
import { importStatementAnswers } from '../statements/import-statement-answers';
import { updateStatement } from '../statements/update-statement';

/** Individual controls (個別管理策) written out for a handful of items; the others get a shorter stock text. */
const written: Record<string, { ja: string; en: string }> = {
  '5.1.1': {
    ja: '情報セキュリティ基本方針及び関連規程を経営会議で承認し、全従業員及び委託先に社内ポータルで周知している。方針は年1回及び重大な変更時に情報セキュリティ委員会がレビューする。',
    en: 'The information security policy and its supporting rules are approved by the management board and published to all employees and contractors on the intranet. The security committee reviews them yearly and after significant changes.',
  },
  '9.2.3': {
    ja: '特権的アクセス権は申請・承認ワークフローで付与し、付与状況を四半期ごとに棚卸ししている。',
    en: 'Privileged access is granted through a request and approval workflow, and the grants are reviewed every quarter.',
  },
  '9.2.3.11.PB': {
    ja: '本番環境の管理者権限はクラウド基盤の ID 管理サービスで個人ごとに発行し、多要素認証を必須としている。共有アカウントは使用せず、特権操作はすべて監査ログに記録し、90日間保存する。',
    en: 'Administrator rights in production are issued per person through the platform identity service with mandatory multi-factor authentication. No shared accounts are used; every privileged operation is logged and kept for 90 days.',
  },
  '10.1.1': {
    ja: '暗号化方針を定め、保存データは AES-256、通信は TLS 1.2 以上で暗号化する。鍵はクラウド基盤の鍵管理サービスで管理し、年1回ローテーションする。',
    en: 'A cryptography policy requires AES-256 for data at rest and TLS 1.2 or later in transit. Keys are held in the platform key management service and rotated yearly.',
  },
  '12.3.1': {
    ja: '利用者データは日次で別リージョン（大阪）にバックアップし、35日間保持する。復元手順は半年ごとに訓練で確認している。',
    en: 'Customer data is backed up daily to a second region (Osaka) and kept for 35 days. The restore procedure is exercised every six months.',
  },
  '12.4.1': {
    ja: 'アプリケーション、OS 及びクラウド基盤の操作ログを集中ログ基盤に収集し、1年間保存する。重要イベントは SOC が24時間365日監視する。',
    en: 'Application, operating-system and platform logs are collected in a central log platform and kept for one year. Important events are monitored by the SOC around the clock.',
  },
  '16.1.2': {
    ja: '情報セキュリティ事象は発見者が30分以内にインシデント窓口へ報告し、重大度に応じて CSIRT が対応する。利用者への通知基準はサービス約款に定めている。',
    en: 'Whoever notices a security event reports it to the incident desk within 30 minutes; the CSIRT responds by severity. The criteria for notifying customers are set out in the terms of service.',
  },
};

/**
 * Changes of the individual control made during the audit period (the change history the statement shows): the
 * text before, the date the change took effect and why. The text after is the item's current control.
 */
const changed: Record<string, { effectiveDate: string; before: { ja: string; en: string }; note: string }> = {
  '9.2.3.11.PB': {
    effectiveDate: '2025-10-01',
    before: {
      ja: '本番環境の管理者権限はクラウド基盤の ID 管理サービスで個人ごとに発行し、多要素認証を必須としている。共有アカウントは使用せず、特権操作はすべて監査ログに記録し、30日間保存する。',
      en: 'Administrator rights in production are issued per person through the platform identity service with mandatory multi-factor authentication. No shared accounts are used; every privileged operation is logged and kept for 30 days.',
    },
    note: '内部監査の指摘により、特権操作の監査ログの保存期間を30日から90日に延長した。',
  },
  '12.3.1': {
    effectiveDate: '2025-07-15',
    before: {
      ja: '利用者データは日次で同一リージョン内にバックアップし、14日間保持する。',
      en: 'Customer data is backed up daily within the same region and kept for 14 days.',
    },
    note: '事業継続計画の見直しにより、バックアップ先を別リージョン（大阪）とし、保持期間と復元訓練を定めた。',
  },
};

const stock = (c: Criterion) => ({
  ja: `当社は ${c.id} について、情報セキュリティ管理規程に基づく手順を定めて運用し、年1回以上見直している。`,
  en: `For ${c.id} we follow a documented procedure under our information security rules and review it at least yearly.`,
});

/**
 * The demo statement's answers over the ISMAP criteria: about 60 % ready, with the blockers a real statement has
 * at that stage — items not yet implemented, an implemented management item without its individual control text, an
 * excluded objective without a reason, a control inherited from an underlying service without a registration number.
 */
export function demoAnswers(criteria: readonly Criterion[], recordedBy: string | null = null): ItemAnswer[] {
  const out: ItemAnswer[] = [];
  const objectives = criteria.filter((c) => c.kind === 'objective');
  const cdnInherited = criteria.find((c) => c.basic && c.clause === '13') ?? criteria.find((c) => c.basic);
  const excludedWithReason = objectives.find((c) => c.id === '6.2.1') ?? objectives[0];
  const excludedWithout = objectives.find((c) => c.id === '6.2.2') ?? objectives[1];
  const objectiveIndex = new Map(objectives.map((c, i) => [c.id, i]));
  let n = 0;
  for (const c of criteria) {
    const i = n++;
    const a: ItemAnswer = { ...blankAnswer(c.id), owner: '情報セキュリティ推進室', control: written[c.id] ?? stock(c) };
    const change = changed[c.id];
    if (change) a.revisions = [{ ...change, after: a.control, recordedBy }];
    if (c.kind === 'governance_item') {
      a.status = i % 9 === 4 ? 'in_progress' : 'implemented';
    } else if (c.kind === 'management_item') {
      a.status = i % 8 === 3 ? 'planned' : 'implemented';
      if (i % 31 === 5) a.control = {};
    } else if (c.kind === 'objective') {
      const k = objectiveIndex.get(c.id)!;
      if (c === excludedWithReason) {
        Object.assign(a, {
          selection: 'excluded',
          reason: '業務でモバイル機器を使用せず、利用者向けのモバイル機能も提供していないため。',
          status: 'not_started',
          control: {},
        });
      } else if (c === excludedWithout) Object.assign(a, { selection: 'excluded', status: 'not_started', control: {} });
      else if (c.clause === '11') Object.assign(a, { selection: 'inherited', inheritedFrom: 'demo-iaas' });
      else a.status = k % 3 === 1 ? 'in_progress' : 'implemented';
    } else if (c === cdnInherited) {
      Object.assign(a, { selection: 'inherited', inheritedFrom: 'demo-cdn', status: 'implemented' });
    } else if (c.basic) {
      a.status = i % 4 === 0 ? 'not_started' : 'implemented';
    } else {
      const k = i % 6;
      if (k === 0 || k === 1) a.selection = 'selected';
      if (k === 2) a.status = 'in_progress';
      if (k === 2) a.selection = 'selected';
      if (k === 3)
        Object.assign(a, { selection: 'not_selected', reason: 'リスク評価の結果、本サービスには該当しない。' });
      if (k === 3 || k >= 4) a.control = {};
      if (k === 0 || k === 1) a.status = i % 12 === 1 ? 'planned' : 'implemented';
      if (k >= 4) continue; // not decided yet
    }
    out.push(a);
  }
  return out;
}

/** The demo CSP's service (scope filled) and its statement on the bundled ISMAP 2024-07, when that is loaded. */
export async function seedDemoStatement(
  deps: AppDeps,
  orgId: string,
  owner: { id: string; displayName: string },
): Promise<void> {
  const criteria = await editionCriteria(deps, 'ismap', '2024-07');
  if (!criteria || criteria.list.length === 0) return;
  // The seed acts for the CSP as its administrator; the audit rows name the system, not the demo user.
  const actor: Actor = {
    userId: systemActor.userId,
    isPlatformAdmin: false,
    memberships: [{ orgId, orgKind: 'csp', role: 'admin' }],
    activeOrgId: orgId,
  };
  const ctx = { actor, requestId: 'seed' };
  const service = await createCloudService(deps, ctx, {
    name: { ja: 'デモ会計クラウド', en: 'Demo Accounting Cloud' },
    model: 'saas',
    track: 'ismap',
  });
  await updateCloudService(deps, ctx, service.id, {
    version: service.version,
    owners: [owner.id],
    scope: {
      subServices: [
        { ja: '会計・経費精算アプリケーション', en: 'Accounting and expense application' },
        { ja: '管理者向けポータル', en: 'Administrator portal' },
      ],
      underlying: [
        {
          id: 'demo-iaas',
          name: 'デモインフラ クラウド基盤',
          provider: 'デモインフラ株式会社',
          registrationNumber: 'C23-0042-1',
        },
        { id: 'demo-cdn', name: 'Global Edge CDN', provider: 'Global Edge Inc.', registrationNumber: null },
      ],
      regions: ['東京', '大阪'],
      systemOverview: {
        ja: '中小企業向けの会計・経費精算 SaaS。利用者はブラウザから利用し、データはデモインフラのクラウド基盤（東京・大阪リージョン）に保存する。',
        en: 'Accounting and expense SaaS for small businesses, used in the browser; data is stored on the Demo Infra cloud platform (Tokyo and Osaka regions).',
      },
      logicalStructure: {
        ja: 'CDN、Web/API 層、アプリケーション層、データベース層の4層構成。管理者アクセスは踏み台サーバ経由に限る。',
        en: 'Four layers: CDN, web/API, application and database. Administrator access only through a bastion host.',
      },
      populations: {
        ja: '利用者アカウント、特権 ID、本番環境への変更（リリース）、情報セキュリティインシデントの各台帳を母集団とする。',
        en: 'Populations: the registers of user accounts, privileged IDs, production changes (releases) and security incidents.',
      },
    },
  });
  const st = await createStatement(deps, ctx, service.id, {
    catalog: 'ismap',
    edition: '2024-07',
    period: { start: '2025-04-01', end: '2026-03-31' },
  });
  await updateStatement(deps, ctx, st.id, {
    version: st.version,
    subsequentEvents: { ja: '該当事項なし。', en: 'None.' },
    specialNotes: {
      ja: 'CDN は言明の範囲外の利用サービスであり、ISMAP 登録の状況を確認中である。',
      en: 'The CDN is an underlying service outside the scope of the statement; its ISMAP registration is being confirmed.',
    },
  });
  await importStatementAnswers(deps, ctx, st.id, {
    answers: demoAnswers(criteria.list, owner.displayName),
    checkVersions: false,
    source: 'demo',
  });
}
