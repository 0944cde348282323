import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { itemBlockerRules } from '../../../core/statement/blockers';
import { implementationStatuses } from '../../../core/statement/model';
import { effectiveSelections } from '../../../core/statement/selection';
import { BulkBar, type BulkSet } from './BulkBar';
import { filterKeys, filterRows, readFilter, tiers, withFilter, type EditorFilter, type EditorRow } from './filters';
import { useLeaveQuestion } from './leave-guard';
import { StatementTable } from './StatementTable';

/** Names of the performance marks and measures the editor bench reads (bench/statement-editor.bench.ts). */
export const perf = {
  data: 'statement-editor:data',
  firstRender: 'statement-editor:first-render',
  filterStart: 'statement-editor:filter-start',
  filter: 'statement-editor:filter',
};

/** The page marks when the item rows arrive; the editor measures from there to its first rendered rows. */
export const markDataArrived = () => performance.mark(perf.data);

/**
 * The statement editor: filters (in the URL), the bulk-action bar over a multi-selection, the virtualized grid,
 * and the open item (`?item=`, so a link can open one).
 */
export function EditorView({
  rows,
  owners,
  readOnly,
  onBulk,
  bulkBusy,
  renderItem,
  notice,
}: {
  rows: readonly EditorRow[];
  /** Owner names to suggest and filter by. */
  owners: readonly string[];
  readOnly: boolean;
  onBulk: (ids: string[], set: BulkSet) => Promise<unknown>;
  bulkBusy: boolean;
  renderItem: (id: string, close: () => void) => ReactNode;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const urlFilter = readFilter(params);
  // The search box filters at once from its own state and writes the URL when typing pauses: a navigation
  // re-renders the whole app (router context), too slow for every keystroke over 1,300 rows.
  const [q, setQ] = useState(urlFilter.q);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!typing.current) setQ(urlFilter.q);
  }, [urlFilter.q]);
  useEffect(() => () => void (typing.current && clearTimeout(typing.current)), []);
  const filter = { ...urlFilter, q };
  const filterKey = filterKeys.map((k) => filter[k]).join('\u0000');
  // filterKey stands for the filter's values (a new object each render).
  const shown = useMemo(() => filterRows(rows, filter), [rows, filterKey]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const openId = params.get('item');
  const gridWrap = useRef<HTMLDivElement>(null);

  const setFilter = (key: keyof EditorFilter, value: string) => setParams(withFilter(currentParams(), key, value));
  const typeQuery = (value: string) => {
    performance.mark(perf.filterStart);
    setQ(value);
    if (typing.current) clearTimeout(typing.current);
    typing.current = setTimeout(() => {
      typing.current = null;
      setParams(withFilter(currentParams(), 'q', value), { replace: true });
    }, 300);
  };

  // Measured after the commit and the next frame: what the user waits for between data (or a keystroke) and rows.
  const measured = useRef(false);
  useLayoutEffect(() => {
    if (!measured.current && rows.length > 0) {
      measured.current = true;
      requestAnimationFrame(() => {
        if (performance.getEntriesByName(perf.data).length > 0) performance.measure(perf.firstRender, perf.data);
      });
    }
  }, [rows]);
  useLayoutEffect(() => {
    if (performance.getEntriesByName(perf.filterStart).length === 0) return;
    requestAnimationFrame(() => {
      performance.measure(perf.filter, perf.filterStart);
      performance.clearMarks(perf.filterStart);
    });
  }, [shown]);

  // Closing the panel or opening another item asks first while the panel holds an unrecorded change.
  const leave = useLeaveQuestion();
  const guarded = leave.guarded;
  const open = useCallback(
    (id: string) => {
      setActive(id);
      if (id === currentParams().get('item')) return;
      guarded(() => {
        const next = currentParams();
        next.set('item', id);
        setParams(next);
      });
    },
    [setParams, guarded],
  );
  const close = useCallback(
    () =>
      guarded(() => {
        const next = currentParams();
        next.delete('item');
        setParams(next);
        // Back to the grid, on the row that was open.
        requestAnimationFrame(() => gridWrap.current?.querySelector<HTMLElement>('[role=grid]')?.focus());
      }),
    [setParams, guarded],
  );

  const opt = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const anyFilter = filterKeys.some((k) => filter[k]);
  // The selects change only with the URL (not with each keystroke in the search box): re-rendering six
  // comboboxes per keystroke was most of a keystroke's cost.
  const urlKey = params.toString();
  const selects = useMemo(
    () => (
      <>
        <FilterSelect
          label={t('editor.tier')}
          value={filter.tier}
          data={opt(tiers, 'tier')}
          onChange={(v) => setFilter('tier', v)}
          testId="filter-tier"
        />
        <FilterSelect
          label={t('editor.selection')}
          value={filter.sel}
          data={[{ value: 'in_scope', label: t('readiness.inScope') }, ...opt(effectiveSelections, 'selection')]}
          onChange={(v) => setFilter('sel', v)}
          testId="filter-sel"
        />
        <FilterSelect
          label={t('editor.status')}
          value={filter.status}
          data={opt(implementationStatuses, 'implStatus')}
          onChange={(v) => setFilter('status', v)}
          testId="filter-status"
        />
        <FilterSelect
          label={t('editor.owner')}
          value={filter.owner}
          data={[{ value: 'none', label: t('editor.noOwner') }, ...owners.map((o) => ({ value: o, label: o }))]}
          onChange={(v) => setFilter('owner', v)}
          testId="filter-owner"
        />
        <FilterSelect
          label={t('editor.blockers')}
          value={filter.blocker}
          data={[
            { value: 'any', label: t('editor.anyBlocker') },
            { value: 'none', label: t('editor.noBlocker') },
            ...opt(itemBlockerRules, 'blockerRule'),
          ]}
          onChange={(v) => setFilter('blocker', v)}
          testId="filter-blocker"
          w={240}
        />
        <FilterSelect
          label={t('evidenceFreshness.filter')}
          value={filter.evidence}
          data={[
            { value: 'stale', label: t('evidenceFreshness.filterStale') },
            { value: 'none', label: t('evidenceFreshness.filterNone') },
          ]}
          onChange={(v) => setFilter('evidence', v)}
          testId="filter-evidence"
          w={150}
        />
        {filter.clause && (
          <FilterSelect
            label={t('editor.clause')}
            value={filter.clause}
            data={[{ value: filter.clause, label: filter.clause }]}
            onChange={(v) => setFilter('clause', v)}
            testId="filter-clause"
            w={110}
          />
        )}
      </>
    ),
    [urlKey, owners, t],
  );

  return (
    <Stack gap="sm">
      {notice}
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('editor.filters')}>
        <TextInput
          label={t('editor.search')}
          placeholder={t('editor.searchPlaceholder')}
          value={q}
          onChange={(e) => typeQuery(e.currentTarget.value)}
          w={220}
          data-testid="filter-q"
        />
        {selects}
        {anyFilter && (
          <Button
            variant="subtle"
            size="sm"
            onClick={() => {
              if (typing.current) clearTimeout(typing.current);
              typing.current = null;
              setQ('');
              const next = currentParams();
              for (const k of filterKeys) next.delete(k);
              setParams(next);
            }}
          >
            {t('empty.clearFilters')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" role="status" aria-live="polite" data-testid="shown-count">
          {t('editor.shown', { shown: shown.length, total: rows.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('editor.keyboard')}
        </Text>
      </Group>
      {selected.size > 0 && !readOnly && (
        <BulkBar
          count={selected.size}
          owners={owners}
          busy={bulkBusy}
          onClear={() => setSelected(new Set())}
          onApply={(set) => void onBulk([...selected], set).then(() => setSelected(new Set()))}
        />
      )}
      <div ref={gridWrap}>
        <StatementTable
          rows={shown}
          selected={selected}
          onSelectionChange={(next, a) => {
            setSelected(next);
            setAnchor(a);
          }}
          anchor={anchor}
          activeId={active}
          onActiveChange={setActive}
          openId={openId}
          onOpen={open}
          onClose={close}
          ownerName={ownerName}
        />
      </div>
      {shown.length === 0 && <Text data-testid="no-rows">{t('empty.editorNoRows')}</Text>}
      {openId && leave.provider(renderItem(openId, close))}
      {leave.question}
    </Stack>
  );
}

const ownerName = (o: string) => o;

/**
 * The URL's search params as they are now. The router hands out the params of the last render, but a navigation
 * renders in a transition: a select changed while the search box's write is pending (or a memoised select) would
 * otherwise write back an older URL and drop a filter.
 */
const currentParams = () => new URLSearchParams(window.location.search);

function FilterSelect(p: {
  label: string;
  value: string;
  data: { value: string; label: string }[];
  onChange: (v: string) => void;
  testId: string;
  w?: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={p.label}
      placeholder={t('editor.all')}
      data={p.data}
      value={p.value || null}
      onChange={(v) => p.onChange(v ?? '')}
      clearable
      w={p.w ?? 170}
      data-testid={p.testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
