import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { EvidenceRepository } from '../../app/ports/repositories';
import type {
  Confidentiality,
  Evidence,
  EvidenceKind,
  EvidenceLink,
  EvidenceVersion,
  ReviewFrequency,
} from '../../core/evidence/model';
import type { Db } from '../engine';
import { evidence, evidenceLinks, evidenceVersions } from '../schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toEvidence = (r: typeof evidence.$inferSelect): Evidence => ({
  id: r.id,
  orgId: r.orgId,
  title: { ja: r.titleJa, en: r.titleEn },
  kind: r.kind as EvidenceKind,
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
  owner: r.owner,
  tags: r.tags,
  confidentiality: r.confidentiality as Confidentiality,
  reviewFrequency: r.reviewFrequency as ReviewFrequency,
  reviewedOn: r.reviewedOn,
  currentVersion: r.currentVersion,
  retiredAt: iso(r.retiredAt),
  retiredBy: r.retiredBy,
  retireReason: r.retireReason,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  updatedAt: r.updatedAt.toISOString(),
});

const toRow = (e: Evidence): typeof evidence.$inferInsert => ({
  id: e.id,
  orgId: e.orgId,
  titleJa: e.title.ja,
  titleEn: e.title.en,
  kind: e.kind,
  effectiveFrom: e.effectiveFrom,
  effectiveTo: e.effectiveTo,
  owner: e.owner,
  tags: e.tags,
  confidentiality: e.confidentiality,
  reviewFrequency: e.reviewFrequency,
  reviewedOn: e.reviewedOn,
  currentVersion: e.currentVersion,
  retiredAt: e.retiredAt ? new Date(e.retiredAt) : null,
  retiredBy: e.retiredBy,
  retireReason: e.retireReason,
  version: e.version,
  createdAt: new Date(e.createdAt),
  createdBy: e.createdBy,
  updatedAt: new Date(e.updatedAt),
});

const toVersion = (r: typeof evidenceVersions.$inferSelect): EvidenceVersion => ({
  evidenceId: r.evidenceId,
  number: r.number,
  sha256: r.sha256,
  size: r.size,
  mediaType: r.mediaType,
  fileName: r.fileName,
  note: r.note,
  uploadedAt: r.uploadedAt.toISOString(),
  uploadedBy: r.uploadedBy,
});

const toLink = (r: typeof evidenceLinks.$inferSelect): EvidenceLink => ({
  evidenceId: r.evidenceId,
  statementId: r.statementId,
  itemId: r.itemId,
  linkedAt: r.linkedAt.toISOString(),
  linkedBy: r.linkedBy,
});

export function evidenceRepository(db: Db): EvidenceRepository {
  return {
    async listForOrg(orgId, filter = {}) {
      const rows = await db
        .select()
        .from(evidence)
        .where(
          filter.includeRetired
            ? eq(evidence.orgId, orgId)
            : and(eq(evidence.orgId, orgId), isNull(evidence.retiredAt)),
        )
        .orderBy(asc(evidence.titleEn), asc(evidence.id));
      return rows.map(toEvidence);
    },
    async get(id) {
      const [r] = await db.select().from(evidence).where(eq(evidence.id, id));
      return r ? toEvidence(r) : null;
    },
    async lock(id) {
      const [r] = await db.select().from(evidence).where(eq(evidence.id, id)).for('no key update');
      return r ? toEvidence(r) : null;
    },
    async insert(e) {
      await db.insert(evidence).values(toRow(e));
    },
    async update(e) {
      const { id: _id, orgId: _org, createdAt: _c, createdBy: _b, ...set } = toRow(e);
      await db.update(evidence).set(set).where(eq(evidence.id, e.id));
    },
    async insertVersion(v) {
      await db.insert(evidenceVersions).values({
        ...v,
        uploadedAt: new Date(v.uploadedAt),
      });
    },
    async versions(evidenceId) {
      const rows = await db
        .select()
        .from(evidenceVersions)
        .where(eq(evidenceVersions.evidenceId, evidenceId))
        .orderBy(asc(evidenceVersions.number));
      return rows.map(toVersion);
    },
    async getVersion(evidenceId, number) {
      const [r] = await db
        .select()
        .from(evidenceVersions)
        .where(and(eq(evidenceVersions.evidenceId, evidenceId), eq(evidenceVersions.number, number)));
      return r ? toVersion(r) : null;
    },
    async referencedBlobs() {
      const rows = await db
        .select({
          sha256: evidenceVersions.sha256,
          size: evidenceVersions.size,
          evidenceId: evidenceVersions.evidenceId,
          number: evidenceVersions.number,
        })
        .from(evidenceVersions)
        .orderBy(asc(evidenceVersions.sha256), asc(evidenceVersions.evidenceId), asc(evidenceVersions.number));
      const out: { sha256: string; size: number; versions: { evidenceId: string; number: number }[] }[] = [];
      for (const r of rows) {
        const last = out[out.length - 1];
        if (last?.sha256 === r.sha256) last.versions.push({ evidenceId: r.evidenceId, number: r.number });
        else out.push({ sha256: r.sha256, size: r.size, versions: [{ evidenceId: r.evidenceId, number: r.number }] });
      }
      return out;
    },
    async blobReferenced(sha256) {
      const [r] = await db
        .select({ n: sql<number>`1` })
        .from(evidenceVersions)
        .where(eq(evidenceVersions.sha256, sha256))
        .limit(1);
      return r !== undefined;
    },
    async link(l) {
      const rows = await db
        .insert(evidenceLinks)
        .values({ ...l, linkedAt: new Date(l.linkedAt) })
        .onConflictDoNothing()
        .returning({ id: evidenceLinks.evidenceId });
      return rows.length > 0;
    },
    async unlink(evidenceId, statementId, itemId) {
      const rows = await db
        .delete(evidenceLinks)
        .where(
          and(
            eq(evidenceLinks.evidenceId, evidenceId),
            eq(evidenceLinks.statementId, statementId),
            eq(evidenceLinks.itemId, itemId),
          ),
        )
        .returning({ id: evidenceLinks.evidenceId });
      return rows.length > 0;
    },
    async linksOfEvidence(evidenceId) {
      const rows = await db
        .select()
        .from(evidenceLinks)
        .where(eq(evidenceLinks.evidenceId, evidenceId))
        .orderBy(asc(evidenceLinks.statementId), asc(evidenceLinks.itemId));
      return rows.map(toLink);
    },
    async linksOfStatement(statementId) {
      const rows = await db
        .select()
        .from(evidenceLinks)
        .where(eq(evidenceLinks.statementId, statementId))
        .orderBy(asc(evidenceLinks.itemId), asc(evidenceLinks.evidenceId));
      return rows.map(toLink);
    },
  };
}
