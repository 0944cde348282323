import { Anchor, Box, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GapReportItem } from '../../api/gap';
import type { Relationship } from '../../api/mappings';
import { RelBadge } from '../../components/catalog-bits';

/**
 * The items with a gap (up to the whole statement, ~1,300): a focusable scrolling region rendering only the rows
 * in view, each naming the item (a link into the statement editor), why it is a gap and what reaches it.
 */
export function GapItemTable({ items, statementId }: { items: readonly GapReportItem[]; statementId: string }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 10,
  });
  return (
    <Box
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={t('gap.gapItems')}
      style={{ maxHeight: '60vh', overflowY: 'auto' }}
      data-testid="gap-items"
    >
      <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const x = items[v.index]!;
          return (
            <div
              role="listitem"
              key={x.itemId}
              data-index={v.index}
              data-item={x.itemId}
              ref={virtualizer.measureElement}
              aria-setsize={items.length}
              aria-posinset={v.index + 1}
              className="gap-row"
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}
            >
              <Group gap="xs" wrap="wrap" py={6} px={4}>
                <Anchor
                  component={Link}
                  to={`/statements/${statementId}?item=${encodeURIComponent(x.itemId)}`}
                  className="mono"
                  fw={700}
                  aria-label={t('gap.openItem', { item: x.itemId })}
                >
                  {x.itemId}
                </Anchor>
                <Text span size="xs">
                  {t(`tier.${x.tier}`, { defaultValue: x.tier })}
                  {x.flags.length > 0 ? ` · ${x.flags.join(' ')}` : ''}
                </Text>
                {x.bestRelationship && <RelBadge rel={x.bestRelationship as Relationship} />}
                <Text span size="xs">
                  {t('gap.sources')}: {x.sources.length > 0 ? x.sources.join(', ') : t('gap.none')}
                </Text>
                <Text size="xs" w="100%">
                  {t('gap.reasons')}: {x.reasons.map((r) => t(`gapReason.${r}`, { defaultValue: r })).join(' / ')}
                </Text>
              </Group>
            </div>
          );
        })}
      </div>
    </Box>
  );
}
