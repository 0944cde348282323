import type { Freshness } from '../../../core/evidence/freshness';
import type { Evidence } from '../../../core/evidence/model';
import type { Actor } from '../../../core/identity';
import { abilities, evidenceCreatePolicy, evidencePolicy } from '../../../core/policies';
import type { EvidenceDetail } from '../../../app/use-cases/evidence/get-evidence';

/** An evidence with its freshness today and what the caller may do with it. */
export const presentEvidence = (e: Evidence, freshness: Freshness, actor: Actor) => {
  const may = abilities(evidencePolicy, actor, e);
  // A retired evidence is kept as it was: nothing more is uploaded, changed or linked.
  const retired = e.retiredAt !== null;
  return {
    ...e,
    freshness,
    abilities: retired ? { ...may, update: false, upload: false, link: false, retire: false } : may,
  };
};

export const presentEvidenceDetail = (d: EvidenceDetail, actor: Actor) => ({
  ...presentEvidence(d.evidence, d.freshness, actor),
  versions: d.versions,
  links: d.links,
});

/** The library's list: its evidence, the upload limit and whether the caller may add evidence to it. */
export const presentEvidenceList = (
  items: readonly { evidence: Evidence; freshness: Freshness }[],
  orgId: string,
  maxFileBytes: number,
  actor: Actor,
) => ({
  evidence: items.map((i) => presentEvidence(i.evidence, i.freshness, actor)),
  maxFileBytes,
  abilities: abilities(evidenceCreatePolicy, actor, { orgId }),
});
