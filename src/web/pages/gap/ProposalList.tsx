import { Anchor, Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type React from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GapProposal } from '../../api/gap';
import { PathView } from './PathView';

/** Above this many rows a group renders only the rows in view (@tanstack/react-virtual). */
const VIRTUAL_FROM = 40;

export interface ProposalListProps {
  relationship: string;
  proposals: readonly GapProposal[];
  statementId: string;
  fileName: string;
  setTitles: ReadonlyMap<string, string>;
  canDecide: boolean;
  onDecide: (p: GapProposal) => void;
}

/** Where a proposal comes from: the SoA's row, or the SSP statement's JSON path. */
export function SourceWhere({ p, fileName }: { p: GapProposal; fileName: string }) {
  const { t } = useTranslation();
  const row = typeof p.source['row'] === 'number' ? p.source['row'] : null;
  const path = typeof p.source['path'] === 'string' ? p.source['path'] : null;
  if (row !== null) return <>{t('gap.sourceRow', { file: fileName, row })}</>;
  if (path !== null)
    return (
      <>
        {t('gap.sourcePath', { file: fileName, path: '' })}
        <span className="mono" style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
          {path}
        </span>
      </>
    );
  return <>{fileName}</>;
}

export function ProposedText({ value }: { value: GapProposal['proposed'] }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`selection.${value.selection}`)} · {value.status ? t(`implStatus.${value.status}`) : t('gap.noStatus')}
    </>
  );
}

const ProposalRow = memo(function ProposalRow(p: Omit<ProposalListProps, 'proposals'> & { proposal: GapProposal }) {
  const { t } = useTranslation();
  const x = p.proposal;
  const decided = x.decision;
  return (
    <Stack
      gap={4}
      py="xs"
      px={4}
      className="gap-row"
      data-testid="gap-proposal"
      data-proposal={x.id}
      data-item={x.itemId}
    >
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          <Anchor
            component={Link}
            to={`/statements/${p.statementId}?item=${encodeURIComponent(x.itemId)}`}
            className="mono"
            fw={700}
            aria-label={t('gap.openItem', { item: x.itemId })}
          >
            {x.itemId}
          </Anchor>
          <Text span size="xs">
            {t(`tier.${x.tier}`, { defaultValue: x.tier })} · {t(`criterionKind.${x.kind}`, { defaultValue: x.kind })}
          </Text>
          <Text span size="sm">
            ← <span className="mono">{x.sourceId}</span> (
            {t(`gap.sourceStatus.${x.sourceStatus}`, { defaultValue: x.sourceStatus })})
          </Text>
        </Group>
        {decided ? (
          <Badge
            variant="light"
            color={decided === 'rejected' ? 'gray' : 'teal'}
            // The light shade's own text colour falls short of AA; the word (not the colour) carries the decision.
            style={{ textTransform: 'none', '--badge-color': 'var(--mantine-color-dark-8)' } as React.CSSProperties}
            data-testid="gap-decision"
          >
            {t(`gap.decision.${decided}`)}
          </Badge>
        ) : (
          <Group gap="xs" wrap="nowrap">
            {!x.bulkAcceptable && (
              <Text span size="xs" fw={600}>
                {t('gap.undecided')}
              </Text>
            )}
            {p.canDecide && (
              <Button
                size="compact-sm"
                variant={x.bulkAcceptable ? 'default' : 'light'}
                onClick={() => p.onDecide(x)}
                aria-label={t('gap.decideLabel', { item: x.itemId, source: x.sourceId })}
                data-testid="gap-decide"
              >
                {t('gap.decide')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Text size="xs">
        {t('gap.source')}: <SourceWhere p={x} fileName={p.fileName} /> · {t('gap.proposed')}:{' '}
        <ProposedText value={decided && x.decidedValue ? x.decidedValue : x.proposed} />
        {!x.bulkAcceptable && (x.relationship === 'equal' || x.relationship === 'superset-of') && (
          <> · {t('gap.needsOwnDecision')}</>
        )}
      </Text>
      {x.paths[0] && <PathView path={x.paths[0]} setTitles={p.setTitles} />}
      {x.paths.length > 1 && <Text size="xs">{t('gap.morePaths', { count: x.paths.length - 1 })}</Text>}
    </Stack>
  );
});

/**
 * One relationship group's proposals. A long group (a 2013 SoA gives hundreds of `equal` ones) scrolls in its own
 * focusable region with only the rows in view rendered, each row measured (paths wrap to several lines on a phone).
 */
export function ProposalList(props: ProposalListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const big = props.proposals.length > VIRTUAL_FROM;
  const virtualizer = useVirtualizer({
    count: big ? props.proposals.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 110,
    overscan: 6,
  });
  const { proposals, ...rowProps } = props;
  if (!big)
    return (
      <div role="list" aria-label={t(`mapping.rel.${props.relationship}`)}>
        {proposals.map((x) => (
          <div role="listitem" key={x.id}>
            <ProposalRow {...rowProps} proposal={x} />
          </div>
        ))}
      </div>
    );
  return (
    <Box
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={t(`mapping.rel.${props.relationship}`)}
      style={{ maxHeight: '70vh', overflowY: 'auto' }}
      data-testid="gap-virtual"
    >
      <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const x = proposals[v.index]!;
          return (
            <div
              role="listitem"
              key={x.id}
              data-index={v.index}
              ref={virtualizer.measureElement}
              aria-setsize={proposals.length}
              aria-posinset={v.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}
            >
              <ProposalRow {...rowProps} proposal={x} />
            </div>
          );
        })}
      </div>
    </Box>
  );
}
