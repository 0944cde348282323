import type { GapImportDetail } from '../../../app/use-cases/gap/get-gap-import';
import type { Actor } from '../../../core/identity';
import { abilities, gapImportPolicy } from '../../../core/policies';
import type { GapImport, StoredProposal } from '../../../core/gap/gap-import';

/** An import without its org id and report (the report has its own endpoint). */
export const presentGapImport = (i: GapImport) => ({
  id: i.id,
  statementId: i.statementId,
  kind: i.kind,
  fileName: i.fileName,
  sourceCatalog: i.sourceCatalog,
  isoEdition: i.isoEdition,
  ismapEdition: i.ismapEdition,
  summary: i.summary,
  createdAt: i.createdAt,
});

export const presentProposal = (s: StoredProposal) => ({
  ...s.proposal,
  decision: s.decision,
  decidedValue: s.decidedValue,
  decidedAt: s.decidedAt,
});

/** The wizard's view of an import: its proposals grouped by composed relationship, and what the caller may do. */
export const presentGapImportDetail = (d: GapImportDetail, actor: Actor) => ({
  import: presentGapImport(d.import),
  groups: d.groups.map((g) => ({ relationship: g.relationship, proposals: g.proposals.map(presentProposal) })),
  abilities: abilities(gapImportPolicy, actor, d.import),
});
