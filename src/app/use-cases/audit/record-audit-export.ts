import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/**
 * Exporting the audit log is itself recorded (who took a copy of what, and when), so every export can be traced
 * from the trail. Called after the caller was authorized and before the first byte is sent. `apiTokenId` names the
 * API token of a machine export (none for a person's).
 */
export async function recordAuditExport(
  deps: AppDeps,
  ctx: RequestContext,
  filter: Record<string, unknown>,
  apiTokenId: string | null = null,
): Promise<void> {
  await deps.uow.transaction((r) =>
    recordAudit(r, deps, ctx, {
      action: 'audit.export',
      targetType: 'audit_log',
      targetId: null,
      details: { filter, format: 'jsonl', ...(apiTokenId ? { apiTokenId } : {}) },
    }),
  );
}
