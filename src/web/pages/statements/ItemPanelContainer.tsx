import { useCallback } from 'react';
import { conflictCurrent, usePutItem, useStatementItem } from '../../api/statements';
import { ErrorAlert, Loading } from '../../components/status';
import { trimText } from './ScopeEditor';
import { ItemFreshness } from './ItemFreshness';
import { ItemPanel, type PanelItem } from './ItemPanel';
import type { ItemDraft } from './item-draft';
import type { RecordedChange, SaveOutcome } from './use-autosave';

/** The item panel over the API: loads one item (criteria text in both languages) and saves its answer. */
export function ItemPanelContainer(p: {
  statementId: string;
  itemId: string;
  owners: readonly string[];
  underlying: readonly { id: string; name: string; registrationNumber: string | null }[];
  readOnly: boolean;
  changeReason?: { value: string; onChange: (v: string) => void };
  onClose: () => void;
}) {
  const q = useStatementItem(p.statementId, p.itemId);
  const put = usePutItem(p.statementId);
  const changeReason = p.changeReason?.value;
  const item = q.data;
  const save = useCallback(
    async (d: ItemDraft, version: number, record?: RecordedChange): Promise<SaveOutcome<PanelItem>> => {
      if (!item) throw new Error('no item');
      try {
        const stored = await put(p.itemId, {
          version,
          selection: d.selection,
          reason: d.reason?.trim() ? d.reason : null,
          inheritedFrom: d.inheritedFrom,
          status: d.status,
          owner: d.owner,
          control: trimText(d.control),
          ...(changeReason ? { changeReason } : {}),
          // A recorded change: the control's dated revision, noted (and audited) with its own reason.
          ...(record
            ? { changeReason: record.reason, revision: { effectiveDate: record.effectiveDate, note: record.reason } }
            : {}),
        });
        return { ok: true, stored: panelItem(stored) };
      } catch (e) {
        const current = conflictCurrent(e);
        if (current) return { ok: false, theirs: { ...panelItem(item), ...current, version: current.version } };
        throw e;
      }
    },
    [item, put, p.itemId, changeReason],
  );
  if (q.isLoading) return <Loading />;
  if (q.error || !item) return <ErrorAlert error={q.error} />;
  return (
    <ItemPanel
      key={item.id}
      item={panelItem(item)}
      owners={p.owners}
      underlying={p.underlying}
      readOnly={p.readOnly}
      changeReason={p.changeReason}
      save={save}
      onClose={p.onClose}
      statementId={p.statementId}
      freshness={<ItemFreshness statementId={p.statementId} itemId={p.itemId} />}
    />
  );
}

const panelItem = (i: NonNullable<ReturnType<typeof useStatementItem>['data']>): PanelItem => ({
  ...i,
  // The row's `selection` is the effective one (required is derived); the panel edits what the answer stores.
  selection: i.storedSelection,
});
