import { Anchor, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { RemediationEntry, RemediationStatus } from '../../api/remediation';
import { ItemFlags } from './ItemBits';
import { MoveMenu } from './MoveMenu';
import {
  filterPlan,
  ownersOf,
  planFilterKeys,
  readPlanFilter,
  remediationRisks,
  remediationStatuses,
  withPlanFilter,
  type PlanFilter,
} from './plan-filters';

/** The plan as a table, filtered by status, owner, risk and overdue; the filters live in the URL. */
export function RemediationList({
  items,
  busyId,
  onOpen,
  onMove,
}: {
  items: readonly RemediationEntry[];
  busyId: string | null;
  onOpen: (id: string) => void;
  onMove: (item: RemediationEntry, to: RemediationStatus) => void;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const f = readPlanFilter(params);
  const shown = filterPlan(items, f);
  const set = (key: keyof PlanFilter, value: string) =>
    setParams(withPlanFilter(new URLSearchParams(window.location.search), key, value));
  const any = planFilterKeys.some((k) => f[k]);
  const select = (key: 'status' | 'owner' | 'risk', label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      placeholder={t('remediation.all')}
      data={data}
      value={f[key] || null}
      onChange={(v) => set(key, v ?? '')}
      clearable
      w={170}
      data-testid={`plan-filter-${key}`}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('remediation.filters')}>
        {select(
          'status',
          t('remediation.field.status'),
          remediationStatuses.map((s) => ({ value: s, label: t(`remediation.status.${s}`) })),
        )}
        {select('owner', t('remediation.field.owner'), [
          { value: 'none', label: t('remediation.noOwner') },
          ...ownersOf(items).map((o) => ({ value: o, label: o })),
        ])}
        {select(
          'risk',
          t('remediation.field.risk'),
          remediationRisks.map((r) => ({ value: r, label: t(`remediation.risk.${r}`) })),
        )}
        <Checkbox
          label={t('remediation.overdueFilter')}
          checked={f.overdue === '1'}
          onChange={(e) => set('overdue', e.currentTarget.checked ? '1' : '')}
          data-testid="plan-filter-overdue"
          mb={8}
        />
        {any && (
          <Button
            variant="subtle"
            size="sm"
            onClick={() => {
              const next = new URLSearchParams(window.location.search);
              for (const k of planFilterKeys) next.delete(k);
              setParams(next);
            }}
          >
            {t('remediation.clearFilters')}
          </Button>
        )}
      </Group>
      <Text size="sm" role="status" aria-live="polite" data-testid="plan-shown">
        {t('remediation.shown', { shown: shown.length, total: items.length })}
      </Text>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table data-testid="remediation-list" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('remediation.field.title')}</Table.Th>
              <Table.Th>{t('remediation.field.status')}</Table.Th>
              <Table.Th>{t('remediation.field.owner')}</Table.Th>
              <Table.Th>
                {t('remediation.field.risk')} · {t('remediation.field.plannedCompletion')}
              </Table.Th>
              <Table.Th>{t('remediation.field.actualCompletion')}</Table.Th>
              <Table.Th>{t('remediation.changeStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => (
              <Table.Tr key={item.id} data-item={item.id} data-status={item.status}>
                <Table.Td>
                  <Anchor component="button" type="button" ta="left" size="sm" onClick={() => onOpen(item.id)}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`remediation.status.${item.status}`)}</Table.Td>
                <Table.Td>{item.owner ?? t('remediation.noOwner')}</Table.Td>
                <Table.Td>
                  <ItemFlags item={item} />
                </Table.Td>
                <Table.Td className="mono">{item.actualCompletion ?? '—'}</Table.Td>
                <Table.Td>
                  <MoveMenu item={item} busy={busyId === item.id} onMove={(to) => onMove(item, to)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
