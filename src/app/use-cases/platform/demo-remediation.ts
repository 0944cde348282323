import { systemActor, type Actor } from '../../../core/identity';
import type { AppDeps } from '../../context';
import { readStatement, statementView } from '../statements/statement-access';
import { createRemediationFromBlocker } from '../remediation/create-remediation-from-blocker';
import { moveRemediationItem } from '../remediation/move-remediation-item';
import { updateRemediationItem } from '../remediation/update-remediation-item';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo statement's remediation plan (POA&M): items for its first two blockers, one in progress and overdue
 * (planned to finish 30 days ago, a milestone missed), one open and due in two months.
 */
export async function seedDemoRemediation(deps: AppDeps, orgId: string): Promise<void> {
  const actor: Actor = {
    userId: systemActor.userId,
    isPlatformAdmin: false,
    memberships: [{ orgId, orgKind: 'csp', role: 'admin' }],
    activeOrgId: orgId,
  };
  const ctx = { actor, requestId: 'seed' };
  const [statement] = await deps.uow.read.statements.listForOrg(orgId);
  if (!statement) return;
  const view = await statementView(deps, await readStatement(deps, ctx, statement.id));
  const blockers = view.readiness
    .blockers()
    .filter((b) => b.itemId !== null)
    .slice(0, 2);
  const today = deps.clock.now().toISOString().slice(0, 10);
  for (const [i, b] of blockers.entries()) {
    const item = await createRemediationFromBlocker(deps, ctx, statement.id, {
      rule: b.rule,
      itemId: b.itemId,
      owner: i === 0 ? '情報システム部' : 'CISO',
      risk: i === 0 ? 'high' : 'moderate',
      plannedCompletion: addDays(today, i === 0 ? -30 : 60),
    });
    if (i === 0) {
      const withMilestone = await updateRemediationItem(deps, ctx, item.id, {
        version: item.version,
        milestones: [
          { title: '手順書の改訂 / Revise the procedure', plannedDate: addDays(today, -45), actualDate: null },
        ],
      });
      await moveRemediationItem(deps, ctx, item.id, { version: withMilestone.version, to: 'in_progress' });
    }
  }
}
