import { Autocomplete, Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  implementationStatuses,
  storedSelections,
  type ImplementationStatus,
  type StoredSelection,
} from '../../../core/statement/model';

/** What a bulk action sets; a field left out stays as it is on every item. */
export interface BulkSet {
  selection?: StoredSelection;
  status?: ImplementationStatus;
  owner?: string | null;
  reason?: string;
}

/** The bar over a multi-selection: set status, owner or selection on all of them in one change. */
export function BulkBar({
  count,
  owners,
  busy,
  onApply,
  onClear,
}: {
  count: number;
  owners: readonly string[];
  busy: boolean;
  onApply: (set: BulkSet) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [owner, setOwner] = useState('');
  const [selection, setSelection] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const set: BulkSet = {
    ...(status ? { status: status as ImplementationStatus } : {}),
    ...(owner.trim() ? { owner: owner.trim() } : {}),
    ...(selection ? { selection: selection as StoredSelection } : {}),
    ...(reason.trim() ? { reason: reason.trim() } : {}),
  };
  const empty = Object.keys(set).length === 0;
  return (
    <Paper withBorder p="sm" role="region" aria-label={t('editor.bulkSet')} data-testid="bulk-bar">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Text fw={600} size="sm" data-testid="selected-count">
          {t('editor.selected', { count })}
        </Text>
        <Select
          size="xs"
          label={t('editor.status')}
          placeholder={t('editor.unchanged')}
          data={implementationStatuses.map((s) => ({ value: s, label: t(`implStatus.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={150}
          data-testid="bulk-status"
        />
        <Autocomplete
          size="xs"
          label={t('editor.owner')}
          placeholder={t('editor.unchanged')}
          data={[...owners]}
          value={owner}
          onChange={setOwner}
          w={170}
          data-testid="bulk-owner"
        />
        <Select
          size="xs"
          label={t('editor.selection')}
          placeholder={t('editor.unchanged')}
          data={storedSelections.map((s) => ({ value: s, label: t(`selection.${s}`) }))}
          value={selection}
          onChange={setSelection}
          clearable
          w={150}
          data-testid="bulk-selection"
        />
        {(selection === 'not_selected' || selection === 'excluded') && (
          <TextInput
            size="xs"
            label={t('editor.bulkReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={240}
          />
        )}
        <Button size="xs" disabled={empty} loading={busy} onClick={() => onApply(set)} data-testid="bulk-apply">
          {t('editor.bulkApply', { count })}
        </Button>
        <Button size="xs" variant="default" onClick={onClear}>
          {t('editor.clearSelection')}
        </Button>
      </Group>
    </Paper>
  );
}
