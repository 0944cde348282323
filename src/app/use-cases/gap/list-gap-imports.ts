import type { GapImport } from '../../../core/gap/gap-import';
import { can, gapImportPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { readStatement } from '../statements/statement-access';

/** The statement's gap imports the caller may read (its organization's members only), newest first. */
export async function listGapImports(deps: AppDeps, ctx: RequestContext, statementId: string): Promise<GapImport[]> {
  await readStatement(deps, ctx, statementId);
  const all = await deps.uow.read.gapImports.listForStatement(statementId);
  return all.filter((i) => can(gapImportPolicy, ctx.actor, 'read', i));
}
