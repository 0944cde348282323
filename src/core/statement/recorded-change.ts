import type { Issue } from '../errors';
import { canonicalJson } from '../canonical-json';
import type { LocalizedText } from '../catalog/model';
import type { ControlRevision, ItemAnswer } from './model';

const text = (t: LocalizedText) => ({ ja: t.ja ?? '', en: t.en ?? '' });
const sameText = (a: LocalizedText, b: LocalizedText) => {
  const x = text(a);
  const y = text(b);
  return x.ja === y.ja && x.en === y.en;
};
/** Revisions compared as stored (absent and null fields alike). */
const key = (r: ControlRevision) =>
  canonicalJson({
    effectiveDate: r.effectiveDate,
    before: text(r.before),
    after: text(r.after),
    note: r.note ?? null,
    recordedBy: r.recordedBy ?? null,
  });

/**
 * The change history an imported answer (a workbook edited offline) may write while its statement is under audit,
 * where the individual control changes only as a recorded change and the history only grows:
 * - the imported history must begin with every stored revision, unchanged (otherwise `revision_history_locked`);
 * - revisions the workbook adds are kept as written;
 * - a changed control whose change the workbook did not record as a revision gets one: dated `effectiveDate` (the
 *   import's day), noted with the import's change reason, recorded by the importing user.
 */
export function recordedChangeRevisions(
  stored: ItemAnswer,
  imported: ItemAnswer,
  change: { effectiveDate: string; note: string | null; recordedBy: string | null },
  path: (string | number)[],
): { revisions: ControlRevision[]; issue?: undefined } | { issue: Issue; revisions?: undefined } {
  const before = stored.revisions.map(key);
  const after = imported.revisions.map(key);
  if (after.length < before.length || before.some((k, i) => k !== after[i]))
    return {
      issue: {
        path: [...path, 'revisions'],
        message: `Under audit the change history of ${stored.itemId} only grows: its recorded revisions cannot be changed or removed`,
        code: 'revision_history_locked',
        params: { item: stored.itemId },
      },
    };
  if (sameText(stored.control, imported.control)) return { revisions: imported.revisions };
  const added = imported.revisions.slice(stored.revisions.length);
  const last = added.at(-1);
  if (last && sameText(last.after, imported.control)) return { revisions: imported.revisions };
  return {
    revisions: [
      ...imported.revisions,
      {
        effectiveDate: change.effectiveDate,
        before: last ? last.after : stored.control,
        after: imported.control,
        note: change.note,
        recordedBy: change.recordedBy,
      },
    ],
  };
}
