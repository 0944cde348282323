import { notFound } from '../../../core/errors';
import type { GapImport } from '../../../core/gap/gap-import';
import { authorize, gapImportPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';

/**
 * The import, if the caller may read it: a member of the importing organization. Anyone else — another CSP, an
 * audit firm reading the statement, a platform administrator — gets 404, so not even its existence leaks.
 */
export async function readGapImport(deps: AppDeps, ctx: RequestContext, id: string): Promise<GapImport> {
  const found = await deps.uow.read.gapImports.get(id);
  if (!found) throw notFound('gap_import');
  authorize(gapImportPolicy, ctx.actor, 'read', found);
  return found;
}
