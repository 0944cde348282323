import { systemActor, type Actor } from '../../../core/identity';
import type { EvidenceKind } from '../../../core/evidence/model';
import { putBlob } from '../../blob/blob-io';
import type { AppDeps } from '../../context';
import { createEvidence } from '../evidence/create-evidence';
import { linkEvidence } from '../evidence/link-evidence';

interface DemoFile {
  title: { ja: string; en: string };
  kind: EvidenceKind;
  reviewedOn: string;
  fileName: string;
  mediaType: string;
  body: string;
  items: number;
}

// Small text stand-ins for a CSP's documents. The security policy was last reviewed in 2024: its yearly review
// fell due inside the demo statement's audit period (2025-04-01 – 2026-03-31), so it shows as stale.
const files: DemoFile[] = [
  {
    title: { ja: '情報セキュリティ基本方針', en: 'Information security policy' },
    kind: 'policy',
    reviewedOn: '2024-12-01',
    fileName: 'security-policy.txt',
    mediaType: 'text/plain',
    body: '情報セキュリティ基本方針\n\n1. 目的 …\n2. 適用範囲 …\n',
    items: 2,
  },
  {
    title: { ja: 'アクセス管理手順書', en: 'Access management procedure' },
    kind: 'procedure',
    reviewedOn: '2025-05-12',
    fileName: 'access-procedure.txt',
    mediaType: 'text/plain',
    body: 'アクセス管理手順書\n\n利用者登録、権限付与、棚卸し …\n',
    items: 2,
  },
  {
    title: { ja: 'ネットワーク構成図', en: 'Network design' },
    kind: 'design_document',
    reviewedOn: '2025-09-30',
    fileName: 'network-design.txt',
    mediaType: 'text/plain',
    body: 'ネットワーク構成: DMZ、アプリケーション層、データベース層 …\n',
    items: 1,
  },
  {
    title: { ja: '特権アクセスログ（2025年度）', en: 'Privileged access log (FY2025)' },
    kind: 'record_log',
    reviewedOn: '2026-03-31',
    // spreadsheet-rule: stored as given — a fixed demo file of constant text, kept as uploaded evidence is.
    fileName: 'privileged-access-log.csv',
    mediaType: 'text/csv',
    body: 'date,user,action\n2025-04-01,admin1,login\n',
    items: 1,
  },
];

/**
 * The demo CSP's evidence library: a few files in the default store, linked to the first in-scope items of its
 * statement, one of them stale for the statement's audit period.
 */
export async function seedDemoEvidence(deps: AppDeps, orgId: string): Promise<void> {
  const actor: Actor = {
    userId: systemActor.userId,
    isPlatformAdmin: false,
    memberships: [{ orgId, orgKind: 'csp', role: 'admin' }],
    activeOrgId: orgId,
  };
  const ctx = { actor, requestId: 'seed' };
  const [statement] = await deps.uow.read.statements.listForOrg(orgId);
  const items = statement ? await deps.uow.read.statements.items(statement.id) : [];
  const targets = items
    .filter((a) => a.status === 'implemented')
    .map((a) => a.itemId)
    .sort();
  let next = 0;
  for (const f of files) {
    const blob = await putBlob(deps.blobs, [Buffer.from(f.body, 'utf8')]);
    const { evidence } = await createEvidence(deps, ctx, {
      metadata: { title: f.title, kind: f.kind, reviewedOn: f.reviewedOn, owner: '情報セキュリティ委員会' },
      file: { ...blob, fileName: f.fileName, mediaType: f.mediaType },
    });
    if (!statement) continue;
    for (let i = 0; i < f.items && next < targets.length; i++)
      await linkEvidence(deps, ctx, evidence.id, { statementId: statement.id, itemId: targets[next++]! });
  }
}
