import type { Blocker } from '../../../core/statement/blockers';
import { authorize, statementPolicy } from '../../../core/policies';
import { blankAnswer, type StatementDocument } from '../../../core/statement/model';
import type { ReadinessSummary } from '../../../core/statement/readiness';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import type { StatementView } from '../../statement-readiness';
import { readStatement, statementView, type LoadedStatement } from './statement-access';

export const exportFormats = ['xlsx', 'pdf', 'csv', 'oscal-ssp'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface StatementExport {
  document: StatementDocument;
  summary: ReadinessSummary;
  blockers: Blocker[];
  generatedAt: Date;
  /** A file name without extension: `statement-<service>-<edition>`. */
  fileBase: string;
}

/** The statement as a document every file format takes: header, service, every criteria item with its answer. */
export function statementDocument(loaded: LoadedStatement, view: StatementView): StatementDocument {
  const { statement: s, service } = loaded;
  return {
    statement: {
      id: s.id,
      catalog: s.catalog,
      edition: s.edition,
      period: s.period,
      previousPeriod: s.previousPeriod,
      state: s.state,
      subsequentEvents: s.subsequentEvents,
      specialNotes: s.specialNotes,
    },
    service: { name: service.name, model: service.model, track: service.track, scope: service.scope },
    items: view.criteria.list.map((criterion) => ({
      criterion,
      answer: view.answers.get(criterion.id) ?? blankAnswer(criterion.id),
    })),
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'service';

/** What an export (workbook, PDF report, blockers CSV) is made from; every export is an audit event. */
export async function exportStatement(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  opts: { format: ExportFormat; lang?: 'ja' | 'en' },
): Promise<StatementExport> {
  const loaded = await readStatement(deps, ctx, id);
  authorize(statementPolicy, ctx.actor, 'export', loaded.statement);
  const view = await statementView(deps, loaded);
  const generatedAt = deps.clock.now();
  await deps.uow.transaction((r) =>
    recordAudit(r, deps, ctx, {
      action: 'statement.export',
      targetType: 'statement',
      targetId: id,
      orgId: loaded.statement.orgId,
      details: {
        format: opts.format,
        itemsRevision: loaded.statement.itemsRevision,
        ...(opts.lang ? { lang: opts.lang } : {}),
      },
    }),
  );
  return {
    document: statementDocument(loaded, view),
    summary: view.readiness.summary(),
    blockers: view.readiness.blockers(),
    generatedAt,
    fileBase: `statement-${slug(loaded.service.name.en ?? '')}-${loaded.statement.edition}`,
  };
}
