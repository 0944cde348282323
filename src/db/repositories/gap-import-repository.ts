import { and, asc, desc, eq } from 'drizzle-orm';
import type { GapImportRepository } from '../../app/ports/repositories';
import type { GapDecision, GapImport, GapImportSummary, ProposedValue } from '../../core/gap/gap-import';
import type { GapReport } from '../../core/gap/gap-report';
import type { IsoEdition } from '../../core/gap/iso-ids';
import type { Proposal } from '../../core/gap/proposals';
import type { Db } from '../engine';
import { gapImports, gapProposals } from '../schema';
import { chunks } from './batch';

const toImport = (r: typeof gapImports.$inferSelect): GapImport => ({
  id: r.id,
  orgId: r.orgId,
  statementId: r.statementId,
  kind: r.kind as GapImport['kind'],
  fileName: r.fileName,
  sourceCatalog: r.sourceCatalog,
  isoEdition: r.isoEdition as IsoEdition | null,
  ismapEdition: r.ismapEdition,
  summary: r.summary as GapImportSummary,
  report: r.report as GapReport,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});

export function gapImportRepository(db: Db): GapImportRepository {
  return {
    async insert(i, proposals) {
      await db.insert(gapImports).values({
        ...i,
        createdAt: new Date(i.createdAt),
      });
      // Large SSPs give thousands of proposals, each with its paths: modest batches keep statements small.
      for (const batch of chunks(
        proposals.map((p, position) => ({ p, position })),
        100,
      ))
        await db.insert(gapProposals).values(
          batch.map(({ p, position }) => ({
            importId: i.id,
            id: p.id,
            position,
            itemId: p.itemId,
            relationship: p.relationship,
            bulkAcceptable: p.bulkAcceptable,
            body: p,
          })),
        );
    },
    async get(id) {
      const [r] = await db.select().from(gapImports).where(eq(gapImports.id, id));
      return r ? toImport(r) : null;
    },
    async listForStatement(statementId) {
      const rows = await db
        .select()
        .from(gapImports)
        .where(eq(gapImports.statementId, statementId))
        .orderBy(desc(gapImports.createdAt), asc(gapImports.id));
      return rows.map(toImport);
    },
    async proposals(importId) {
      const rows = await db
        .select()
        .from(gapProposals)
        .where(eq(gapProposals.importId, importId))
        .orderBy(asc(gapProposals.position));
      return rows.map((r) => ({
        importId: r.importId,
        position: r.position,
        proposal: r.body as Proposal,
        decision: r.decision as GapDecision | null,
        decidedValue: r.decidedValue as ProposedValue | null,
        decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
        decidedBy: r.decidedBy,
      }));
    },
    async decide(importId, decisions) {
      for (const d of decisions)
        await db
          .update(gapProposals)
          .set({
            decision: d.decision,
            decidedValue: d.decidedValue,
            decidedAt: d.decidedAt,
            decidedBy: d.decidedBy,
          })
          .where(and(eq(gapProposals.importId, importId), eq(gapProposals.id, d.id)));
    },
  };
}
