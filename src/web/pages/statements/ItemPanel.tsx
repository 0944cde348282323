import {
  Alert,
  Autocomplete,
  Badge,
  ColorSwatch,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockerRule, ClearAction } from '../../../core/statement/blockers';
import type { Criterion } from '../../../core/statement/criteria';
import { implementationStatuses, type StoredSelection } from '../../../core/statement/model';
import { allowedSelections, isRequired } from '../../../core/statement/selection';
import { NodeId } from '../../components/catalog-bits';
import { ErrorAlert } from '../../components/status';
import { ConflictView } from './ConflictView';
import { RevisionHistory, type Revision } from './RevisionHistory';
import { EvidencePicker } from '../evidence/EvidencePicker';
import { useLeaveGuard } from './leave-guard';
import { toDraft, type DraftField, type ItemDraft } from './item-draft';
import { useAutosave, type RecordedChange, type SaveOutcome, type SaveState } from './use-autosave';

type Text2 = { ja?: string | null; en?: string | null };

/** What the panel shows of one item: its criterion (both languages), its answer and what blocks it. */
export interface PanelItem extends ItemDraft {
  id: string;
  kind: Criterion['kind'];
  basic: boolean;
  cloud: boolean;
  title: Text2;
  text: Text2;
  version: number;
  stale?: boolean;
  blockers: readonly { rule: BlockerRule; clears: ClearAction }[];
  revisions: readonly Revision[];
}

export interface ItemPanelProps {
  item: PanelItem;
  /** Who or which team owns an item: free text, suggested from the members and the owners already named. */
  owners: readonly string[];
  underlying: readonly { id: string; name: string; registrationNumber: string | null }[];
  readOnly: boolean;
  /** Under audit every change carries its reason (a recorded change). */
  changeReason?: { value: string; onChange: (v: string) => void };
  save: (draft: ItemDraft, version: number, record?: RecordedChange) => Promise<SaveOutcome<PanelItem>>;
  onClose: () => void;
  /** Lets the page flush a pending save before it closes the panel. */
  registerFlush?: (flush: () => Promise<void>) => void;
  /** The item's statement: with it the panel shows and links the item's evidence. */
  statementId?: string;
  /** Shown under the header: the item's evidence freshness (ItemFreshness). */
  freshness?: React.ReactNode;
}

/**
 * One item: the criteria text ja | en in two columns, the individual control ja | en in the same two columns
 * below it, and the answer's fields, saved as they are typed. A conflict with someone else's save shows both
 * versions side by side instead of overwriting.
 */
export function ItemPanel(p: ItemPanelProps) {
  const { t } = useTranslation();
  // Under audit the individual control is held back from the autosave: it is saved as a recorded change only.
  const a = useAutosave<PanelItem>({ base: p.item, save: p.save, hold: p.changeReason ? holdControl : undefined });
  const d = a.draft;
  const set = (patch: Partial<ItemDraft>) => a.setDraft({ ...d, ...patch });
  const criterion = { kind: p.item.kind, basic: p.item.basic } as Criterion;
  const required = isRequired(criterion);
  const serviceName = (id: string | null) => p.underlying.find((u) => u.id === id)?.name ?? id ?? '';
  const selectionLabel = (s: StoredSelection | null) =>
    s ? t(`selection.${s}`) : required ? t('selection.required') : t('selection.undecided');
  const registerFlush = p.registerFlush;
  const flush = a.flush;
  useEffect(() => registerFlush?.(flush), [registerFlush, flush]);
  // An unrecorded change of the individual control is not autosaved: the editor asks before it is dropped.
  useLeaveGuard(a.held);

  const label = (f: DraftField, v: string) => {
    if (!v) return '';
    if (f === 'selection') return t(`selection.${v}`);
    if (f === 'status') return t(`implStatus.${v}`);
    if (f === 'inheritedFrom') return serviceName(v);
    return v;
  };

  return (
    <Stack gap="md" data-testid="item-panel" data-item={p.item.id}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <NodeId id={p.item.id} />
          <Badge variant="light">{t(`criterionKind.${p.item.kind}`)}</Badge>
          {required && <Badge variant="outline">{t('item.required')}</Badge>}
        </Group>
        <SaveIndicator state={a.state} onRetry={() => void a.flush()} />
      </Group>
      {p.freshness}
      {a.state === 'error' && <ErrorAlert error={a.error} />}
      {p.item.stale && (
        <Alert color="orange" variant="light" classNames={{ title: 'alert-title' }}>
          {t('item.stale')}
        </Alert>
      )}
      {a.state === 'conflict' && a.theirs && (
        <ConflictView yours={d} theirs={toDraft(a.theirs)} label={label} onResolve={(keep) => void a.resolve(keep)} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="bilingual">
        {(['ja', 'en'] as const).map((lang) => (
          <Stack key={lang} gap={4} lang={lang}>
            <Title order={4}>
              {t('item.criteria')} ({t(`item.${lang}`)})
            </Title>
            <Text fw={600} size="sm">
              {p.item.title[lang] ?? ''}
            </Text>
            {p.item.text[lang] ? (
              <Text size="sm" className="prose" data-testid={`criteria-${lang}`}>
                {p.item.text[lang]}
              </Text>
            ) : (
              <Text size="sm" className="missing-translation">
                {t('item.missingTranslation', { lang: t(`scope.${lang}`) })}
              </Text>
            )}
          </Stack>
        ))}
        {(['ja', 'en'] as const).map((lang) => (
          <Textarea
            key={lang}
            lang={lang}
            label={`${t('item.control')} (${t(`item.${lang}`)})`}
            autosize
            minRows={4}
            maxRows={14}
            readOnly={p.readOnly}
            value={d.control[lang] ?? ''}
            onChange={(e) => set({ control: { ...d.control, [lang]: e.currentTarget.value } })}
            data-testid={`control-${lang}`}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label={t('item.selection')}
          data={allowedSelections(criterion).map((s) => ({ value: s ?? '', label: selectionLabel(s) }))}
          value={d.selection ?? ''}
          onChange={(v) => set({ selection: (v || null) as StoredSelection | null })}
          allowDeselect={false}
          readOnly={p.readOnly}
          data-testid="field-selection"
        />
        <Select
          label={t('item.status')}
          data={implementationStatuses.map((s) => ({ value: s, label: t(`implStatus.${s}`) }))}
          value={d.status}
          onChange={(v) => v && set({ status: v as ItemDraft['status'] })}
          allowDeselect={false}
          readOnly={p.readOnly}
          data-testid="field-status"
        />
        <Autocomplete
          label={t('item.owner')}
          data={[...p.owners]}
          value={d.owner ?? ''}
          onChange={(v) => set({ owner: v.trim() ? v : null })}
          readOnly={p.readOnly}
          data-testid="field-owner"
        />
      </SimpleGrid>
      {(d.selection === 'not_selected' || d.selection === 'excluded' || d.reason) && (
        <Textarea
          label={t('item.reason')}
          description={t('item.reasonHelp')}
          autosize
          minRows={2}
          readOnly={p.readOnly}
          value={d.reason ?? ''}
          onChange={(e) => set({ reason: e.currentTarget.value || null })}
          data-testid="field-reason"
        />
      )}
      {d.selection === 'inherited' && (
        <Select
          label={t('item.inheritedFrom')}
          description={t('item.inheritedFromHelp')}
          data={p.underlying.map((u) => ({
            value: u.id,
            label: u.registrationNumber ? `${u.name} (${u.registrationNumber})` : u.name,
          }))}
          value={d.inheritedFrom}
          onChange={(v) => set({ inheritedFrom: v })}
          readOnly={p.readOnly}
          data-testid="field-inherited"
        />
      )}
      {p.changeReason && (
        <TextInput
          label={t('statement.changeReason')}
          description={t('statement.changeReasonHelp')}
          value={p.changeReason.value}
          onChange={(e) => p.changeReason!.onChange(e.currentTarget.value)}
          required
        />
      )}
      {p.statementId && <EvidencePicker statementId={p.statementId} itemId={p.item.id} readOnly={p.readOnly} />}
      <Stack gap={4}>
        <Title order={4}>{t('item.blockers')}</Title>
        {p.item.blockers.length === 0 ? (
          <Text size="sm">{t('item.noBlockers')}</Text>
        ) : (
          <ul className="blocker-list" data-testid="item-blockers">
            {p.item.blockers.map((b) => (
              <li key={b.rule}>
                <Text span size="sm" fw={600}>
                  {t(`blockerRule.${b.rule}`)}
                </Text>{' '}
                <Text span size="sm">
                  — {t(`clearAction.${b.clears}`)}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
      <RevisionHistory
        revisions={p.item.revisions}
        record={
          p.changeReason && {
            pending: a.held,
            before: p.item.control,
            after: d.control,
            defaultReason: p.changeReason.value,
            readOnly: p.readOnly,
            onRecord: a.record,
          }
        }
      />
      <Group>
        <Button variant="default" onClick={() => void a.flush().then(p.onClose)}>
          {t('item.close')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The draft as the autosave may send it under audit: the individual control as stored. */
const holdControl = (d: ItemDraft, stored: ItemDraft): ItemDraft => ({ ...d, control: stored.control });

/**
 * The saved state, in words (never colour alone: the dot beside them is decoration), announced politely to screen
 * readers.
 */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const color = { saved: 'teal.8', unsaved: 'gray.6', saving: 'blue.8', error: 'red.8', conflict: 'orange.8' }[state];
  const text = {
    saved: t('item.saved'),
    unsaved: t('item.unsaved'),
    saving: t('item.saving'),
    error: t('item.saveError'),
    conflict: t('item.conflictTitle'),
  }[state];
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-state" data-state={state}>
      <ColorSwatch color={`var(--mantine-color-${color.replace('.', '-')})`} size={10} withShadow={false} aria-hidden />
      <Text size="sm" fw={600}>
        {text}
      </Text>
      {state === 'error' && (
        <Button size="compact-xs" variant="light" onClick={onRetry}>
          {t('item.retry')}
        </Button>
      )}
    </Group>
  );
}
