import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RemediationEntry, RemediationStatus } from '../../api/remediation';
import { ItemFlags } from './ItemBits';
import { MoveMenu } from './MoveMenu';
import { boardColumns, byColumn } from './plan-filters';

/**
 * The plan as a board: one column per status of the core transition table. An item moves with its "Move…" menu,
 * which offers only the statuses the table allows from where it is (a keyboard works it like any menu).
 */
export function RemediationBoard({
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
  const columns = byColumn(items);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" data-testid="remediation-board">
      {boardColumns.map((status) => {
        const list = columns.get(status) ?? [];
        const headingId = `rb-col-${status}`;
        return (
          <Paper
            key={status}
            withBorder
            p="xs"
            component="section"
            aria-labelledby={headingId}
            data-column={status}
            className="board-column"
          >
            <Title order={3} size="h5" id={headingId} mb="xs">
              {t('remediation.column', { status: t(`remediation.status.${status}`), count: list.length })}
            </Title>
            {list.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('remediation.emptyColumn')}
              </Text>
            ) : (
              <ul className="board-list">
                {list.map((item) => (
                  <li key={item.id} data-item={item.id} data-overdue={item.flags.overdue || undefined}>
                    <Paper withBorder p="xs" className={item.flags.overdue ? 'board-card overdue' : 'board-card'}>
                      <Stack gap={6}>
                        <Anchor
                          component="button"
                          type="button"
                          ta="left"
                          size="sm"
                          fw={600}
                          onClick={() => onOpen(item.id)}
                          aria-label={t('remediation.edit', { title: item.title })}
                          className="board-title"
                        >
                          {item.title}
                        </Anchor>
                        <Text size="xs">{item.owner ?? t('remediation.noOwner')}</Text>
                        <ItemFlags item={item} />
                        <MoveMenu item={item} busy={busyId === item.id} onMove={(to) => onMove(item, to)} />
                      </Stack>
                    </Paper>
                  </li>
                ))}
              </ul>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
