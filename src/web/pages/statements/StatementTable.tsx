import { Badge, Checkbox, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSelection, type EditorRow } from './filters';
import { FreshnessBadge } from './FreshnessBadge';

const ROW_HEIGHT = 40;

export interface StatementTableProps {
  rows: readonly EditorRow[];
  selected: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>, anchor: string | null) => void;
  anchor: string | null;
  activeId: string | null;
  onActiveChange: (id: string) => void;
  openId: string | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  ownerName: (userId: string) => string;
}

/**
 * The statement's ~1,300 items in one grid: only the rows in view are in the DOM (@tanstack/react-virtual), the
 * header stays on top while the body scrolls, and the grid is one tab stop whose active row follows the arrow keys
 * (aria-activedescendant), so a keyboard user moves through the statement as through a spreadsheet.
 */
export function StatementTable(p: StatementTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const ids = p.rows.map((r) => r.id);
  const activeIndex = p.activeId ? ids.indexOf(p.activeId) : -1;

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const move = (to: number, extend: boolean) => {
    if (p.rows.length === 0) return;
    const i = Math.max(0, Math.min(p.rows.length - 1, to));
    const id = p.rows[i]!.id;
    p.onActiveChange(id);
    if (extend)
      p.onSelectionChange(
        nextSelection(p.selected, ids, p.anchor ?? p.activeId, id, { shift: true, toggle: false }),
        p.anchor ?? p.activeId,
      );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const at = activeIndex < 0 ? -1 : activeIndex;
    switch (e.key) {
      case 'ArrowDown':
        move(at + 1, e.shiftKey);
        break;
      case 'ArrowUp':
        move(at < 0 ? 0 : at - 1, e.shiftKey);
        break;
      case 'PageDown':
        move(at + page, e.shiftKey);
        break;
      case 'PageUp':
        move(at - page, e.shiftKey);
        break;
      case 'Home':
        move(0, e.shiftKey);
        break;
      case 'End':
        move(p.rows.length - 1, e.shiftKey);
        break;
      case 'Enter':
        if (p.activeId) p.onOpen(p.activeId);
        break;
      case 'Escape':
        if (p.openId) p.onClose();
        else if (p.selected.size > 0) p.onSelectionChange(new Set(), null);
        break;
      case ' ':
        if (p.activeId)
          p.onSelectionChange(
            nextSelection(p.selected, ids, p.anchor, p.activeId, { shift: false, toggle: true }),
            p.activeId,
          );
        break;
      case 'a':
        if (!(e.ctrlKey || e.metaKey)) return;
        p.onSelectionChange(new Set(ids), p.activeId);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const onRowClickNow = (e: MouseEvent, id: string) => {
    const toggle = e.ctrlKey || e.metaKey;
    p.onActiveChange(id);
    if (e.shiftKey || toggle) {
      p.onSelectionChange(
        nextSelection(p.selected, ids, p.anchor, id, { shift: e.shiftKey, toggle }),
        e.shiftKey ? p.anchor : id,
      );
      return;
    }
    p.onOpen(id);
  };

  const onCheckNow = (e: MouseEvent, id: string) => {
    e.stopPropagation();
    p.onActiveChange(id);
    p.onSelectionChange(
      nextSelection(p.selected, ids, p.anchor, id, { shift: e.shiftKey, toggle: true }),
      e.shiftKey ? p.anchor : id,
    );
  };

  // Stable handlers reading the latest props, so a memoised row re-renders only when its own data changes.
  const latest = useRef({ onRowClickNow, onCheckNow });
  latest.current = { onRowClickNow, onCheckNow };
  const onRowClick = useCallback((e: MouseEvent, id: string) => latest.current.onRowClickNow(e, id), []);
  const onCheck = useCallback((e: MouseEvent, id: string) => latest.current.onCheckNow(e, id), []);

  const allShown = p.rows.length > 0 && p.rows.every((r) => p.selected.has(r.id));
  const items = virtualizer.getVirtualItems();
  return (
    <div className="st-scroll" ref={scrollRef} data-testid="statement-scroll">
      <div
        role="grid"
        aria-label={t('editor.label')}
        aria-rowcount={p.rows.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={p.activeId && activeIndex >= 0 ? rowDomId(p.activeId) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          // Tabbing in lands on a row, so the arrow keys have somewhere to start from.
          if (e.target === e.currentTarget && !p.activeId && p.rows.length > 0) p.onActiveChange(p.rows[0]!.id);
        }}
        className="st-grid"
        data-testid="statement-table"
      >
        <div role="row" aria-rowindex={1} className="st-row st-head">
          <div role="columnheader" className="st-check">
            <Checkbox
              size="xs"
              tabIndex={-1}
              aria-label={t('editor.selectAllShown')}
              checked={allShown}
              indeterminate={!allShown && p.selected.size > 0}
              onChange={() => p.onSelectionChange(allShown ? new Set() : new Set(ids), null)}
            />
          </div>
          <div role="columnheader">{t('editor.id')}</div>
          <div role="columnheader">{t('editor.item')}</div>
          <div role="columnheader">{t('editor.selection')}</div>
          <div role="columnheader">{t('editor.status')}</div>
          <div role="columnheader">{t('editor.owner')}</div>
          <div role="columnheader">{t('editor.blockers')}</div>
          <div role="columnheader">{t('evidenceFreshness.label')}</div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = p.rows[v.index]!;
            return (
              <Row
                key={r.id}
                row={r}
                index={v.index}
                top={v.start}
                selected={p.selected.has(r.id)}
                active={r.id === p.activeId}
                open={r.id === p.openId}
                owner={r.owner ? p.ownerName(r.owner) : ''}
                onClick={onRowClick}
                onCheck={onCheck}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

export const rowDomId = (id: string) => `st-row-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

interface RowProps {
  row: EditorRow;
  index: number;
  top: number;
  selected: boolean;
  active: boolean;
  open: boolean;
  owner: string;
  onClick: (e: MouseEvent, id: string) => void;
  onCheck: (e: MouseEvent, id: string) => void;
}

const Row = memo(function Row({ row: r, index, top, selected, active, open, owner, onClick, onCheck }: RowProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const other = lang === 'ja' ? 'en' : 'ja';
  const titleLang = r.title[lang] ? lang : r.title[other] ? other : null;
  const title = titleLang ? r.title[titleLang]! : '';
  return (
    <div
      role="row"
      id={rowDomId(r.id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-item={r.id}
      data-active={active || undefined}
      data-open={open || undefined}
      className="st-row st-body"
      style={{ transform: `translateY(${top}px)` }}
      onClick={(e) => onClick(e, r.id)}
    >
      <div role="gridcell" className="st-check">
        {/* A native checkbox: ~40 rows mount on every scroll and filter, and it costs a fraction of a styled one. */}
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t('editor.selectRow', { id: r.id })}
          checked={selected}
          onChange={() => undefined}
          onClick={(e) => onCheck(e, r.id)}
        />
      </div>
      <div role="gridcell" className="mono st-id">
        {r.id}
      </div>
      <div role="gridcell" className="st-title" title={title}>
        {r.stale && (
          <Tooltip label={t('editor.stale')}>
            <Badge size="xs" color="orange" variant="light" mr={4} aria-label={t('editor.stale')}>
              !
            </Badge>
          </Tooltip>
        )}
        {titleLang ? (
          <span lang={titleLang}>{title}</span>
        ) : (
          // No title in either language yet (the bundled criteria carry ids only): say what kind of item it is.
          <span className="missing-translation">{t(`criterionKind.${r.kind}`)}</span>
        )}
      </div>
      <div role="gridcell" data-col="selection">
        {t(`selection.${r.selection}`)}
      </div>
      <div role="gridcell" data-col="status">
        {t(`implStatus.${r.status}`)}
      </div>
      <div role="gridcell" className="st-owner" title={owner}>
        {owner || t('editor.none')}
      </div>
      <div role="gridcell" data-col="blockers">
        {r.blockers.length > 0 ? (
          <Text span size="sm" c="red.9" fw={600} title={r.blockers.map((b) => t(`blockerRule.${b.rule}`)).join('\n')}>
            {r.blockers.length}
          </Text>
        ) : (
          <Text span size="sm" c="dimmed">
            0
          </Text>
        )}
      </div>
      <div role="gridcell" data-col="evidence">
        {r.evidence && <FreshnessBadge state={r.evidence} compact />}
      </div>
    </div>
  );
});
