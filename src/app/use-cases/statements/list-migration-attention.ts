import type { AppDeps, RequestContext } from '../../context';
import type { MigrationAttentionRow } from '../../ports/repositories';
import { readStatement } from './statement-access';

/** The attention list the statement's last edition migration left, with what has been ticked off. */
export async function listMigrationAttention(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<MigrationAttentionRow[]> {
  await readStatement(deps, ctx, id);
  return deps.uow.read.statements.attention(id);
}
