import { seedDemoEvidence } from './demo-evidence';
import { seedDemoRemediation } from './demo-remediation';
import type { OrgKind, Role } from '../../../core/identity';
import { systemActor } from '../../../core/identity';
import type { AppDeps } from '../../context';
import { createOrganization } from '../organizations/create-organization';
import { createUser } from '../users/create-user';
import { seedDemoStatement } from './demo-statement';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
  organization: string | null;
}

const demoOrgs: { kind: OrgKind; slug: string; nameJa: string; nameEn: string; user: string; display: string }[] = [
  {
    kind: 'csp',
    slug: 'demo-cloud',
    nameJa: 'デモクラウド株式会社',
    nameEn: 'Demo Cloud K.K.',
    user: 'csp',
    display: '山田 花子 (CSP)',
  },
  {
    kind: 'audit_firm',
    slug: 'demo-audit',
    nameJa: 'デモ監査法人',
    nameEn: 'Demo Audit Corporation',
    user: 'auditor',
    display: '佐藤 健 (監査機関)',
  },
  {
    kind: 'secretariat',
    slug: 'ipa',
    nameJa: '独立行政法人情報処理推進機構（運用支援機関）',
    nameEn: 'IPA (operational support body)',
    user: 'ipa',
    display: '鈴木 一郎 (IPA)',
  },
  {
    kind: 'committee',
    slug: 'steering-committee',
    nameJa: 'ISMAP運営委員会',
    nameEn: 'ISMAP Steering Committee',
    user: 'committee',
    display: '高橋 誠 (運営委員会)',
  },
  {
    kind: 'agency',
    slug: 'demo-ministry',
    nameJa: 'デモ省',
    nameEn: 'Demo Ministry',
    user: 'agency',
    display: '田中 美咲 (調達府省庁)',
  },
];

export const DEMO_EMAIL_DOMAIN = 'demo.ismap-hub.test';

/**
 * On the first start of an empty database: one organization of each kind, an admin user in each, and a platform
 * administrator. Passwords are random per installation (printed once by the caller) unless `password` is given
 * (tests and screenshots). Returns null when the database already has users: seeding never runs twice.
 */
export async function seedDemo(
  deps: AppDeps,
  opts: { password?: string | undefined; role?: Role } = {},
): Promise<DemoLogin[] | null> {
  if ((await deps.uow.read.users.count()) > 0) return null;
  const ctx = { actor: systemActor, requestId: 'seed' };
  const pw = () => opts.password ?? `demo-${deps.ids.token().slice(0, 16)}`;
  const logins: DemoLogin[] = [];
  const adminPw = pw();
  await createUser(deps, ctx, {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    displayName: 'Platform Administrator',
    password: adminPw,
    isPlatformAdmin: true,
  });
  logins.push({
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    password: adminPw,
    role: 'platform administrator',
    organization: null,
  });
  for (const o of demoOrgs) {
    const org = await createOrganization(deps, ctx, { kind: o.kind, slug: o.slug, nameJa: o.nameJa, nameEn: o.nameEn });
    const password = pw();
    const email = `${o.user}@${DEMO_EMAIL_DOMAIN}`;
    const user = await createUser(deps, ctx, {
      email,
      displayName: o.display,
      password,
      memberships: [{ orgId: org.id, role: opts.role ?? 'admin' }],
    });
    // The CSP's workspace is not empty on first start: one service with a statement part of the way to registration.
    if (o.kind === 'csp') {
      await seedDemoStatement(deps, org.id, { id: user.id, displayName: o.display });
      await seedDemoEvidence(deps, org.id);
      await seedDemoRemediation(deps, org.id);
    }
    logins.push({ email, password, role: `${o.kind} admin`, organization: o.nameEn });
  }
  return logins;
}
