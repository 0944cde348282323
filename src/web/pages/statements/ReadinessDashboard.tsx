import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, RingProgress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BlockerRule, ClearAction } from '../../../core/statement/blockers';
import { implementationStatuses } from '../../../core/statement/model';
import type { GroupCounts, ReadinessSummary } from '../../../core/statement/readiness';
import { rowsHref, tiers, type EditorFilter } from './filters';

type Counts = Pick<GroupCounts, 'items' | 'inScope' | 'ready' | 'blocked' | 'blockers' | 'undecided' | 'percent'> & {
  // The API's records are partial (a zod record over an enum); a missing status counts 0.
  byStatus: Partial<GroupCounts['byStatus']>;
};
export interface DashboardData {
  total: Counts;
  byTier: Partial<Record<(typeof tiers)[number], Counts>>;
  byClause: readonly { clause: string; tier: (typeof tiers)[number]; counts: Counts }[];
  blockerCount: ReadinessSummary['blockerCount'];
  ready: boolean;
}
export interface DashboardBlocker {
  itemId: string | null;
  rule: BlockerRule;
  clears: ClearAction;
}

/**
 * Readiness for registration as pictures and numbers: bars by tier and by clause, a clause × implementation
 * status heat map, and the blockers grouped by rule. Every number links to the editor filtered to those rows.
 */
export function ReadinessDashboard({
  statementId,
  summary,
  blockers,
  warnings,
  blockerActions,
}: {
  statementId: string;
  summary: DashboardData;
  blockers: readonly DashboardBlocker[];
  /** Evidence warnings (stale, none yet): shown apart from the blockers, which they are not. */
  warnings?: ReactNode;
  /** Each blocker with its remediation (create an item, or the item that plans it). */
  blockerActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const href = (f: Partial<EditorFilter>) => rowsHref(statementId, f);
  const num = (n: number, f: Partial<EditorFilter>, testId?: string, className = '') => (
    <Anchor component={Link} to={href(f)} className={`num ${className}`} data-testid={testId}>
      {n}
    </Anchor>
  );
  const byRule = new Map<BlockerRule, { count: number; clears: ClearAction }>();
  for (const b of blockers) {
    const e = byRule.get(b.rule);
    if (e) e.count += 1;
    else byRule.set(b.rule, { count: 1, clears: b.clears });
  }
  const clauseLabel = (c: { clause: string; tier: string }) => c.clause;
  const maxCell = Math.max(
    1,
    ...summary.byClause.flatMap((c) => implementationStatuses.map((s) => c.counts.byStatus[s] ?? 0)),
  );

  return (
    <Stack gap="lg" data-testid="readiness-dashboard">
      <Group align="center" gap="xl" wrap="wrap">
        <RingProgress
          size={120}
          thickness={12}
          roundCaps
          sections={[{ value: summary.total.percent, color: summary.ready ? 'green' : 'blue' }]}
          label={
            <Text ta="center" fw={700} size="lg" data-testid="readiness-percent">
              {summary.total.percent}%
            </Text>
          }
          aria-hidden
        />
        <Stack gap={2}>
          <Title order={3}>{t('readiness.percent', { percent: summary.total.percent })}</Title>
          <Text>
            {t('readiness.inScope')}: {num(summary.total.inScope, { sel: 'in_scope' })} · {t('readiness.ready')}:{' '}
            {num(summary.total.ready, { sel: 'in_scope', blocker: 'none' })} · {t('readiness.blocked')}:{' '}
            {num(summary.total.blocked, { blocker: 'any' }, 'total-blocked')} · {t('readiness.undecided')}:{' '}
            {num(summary.total.undecided, { sel: 'undecided' })}
          </Text>
          {summary.ready && (
            <Text fw={700} data-testid="all-ready">
              {t('readiness.allReady')}
            </Text>
          )}
        </Stack>
      </Group>
      {warnings}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="rd-tier">
          <Title order={3} size="h4" id="rd-tier" mb="sm">
            {t('readiness.byTier')}
          </Title>
          <figure className="chart" aria-hidden="true">
            <BarChart
              h={180}
              data={tiers.map((tier) => ({
                name: t(`tier.${tier}`),
                ready: summary.byTier[tier]?.ready ?? 0,
                blocked: summary.byTier[tier]?.blocked ?? 0,
              }))}
              dataKey="name"
              type="stacked"
              orientation="vertical"
              yAxisProps={{ width: 110 }}
              series={[
                { name: 'ready', label: t('readiness.ready'), color: 'teal.7' },
                { name: 'blocked', label: t('readiness.blocked'), color: 'red.7' },
              ]}
              withLegend
              barChartProps={{ accessibilityLayer: false }}
            />
          </figure>
          <Table.ScrollContainer minWidth={360} type="native" mt="sm">
            <Table data-testid="tier-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('editor.tier')}</Table.Th>
                  <Table.Th>{t('readiness.inScope')}</Table.Th>
                  <Table.Th>{t('readiness.ready')}</Table.Th>
                  <Table.Th>{t('readiness.blocked')}</Table.Th>
                  <Table.Th>%</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tiers.map((tier) => {
                  const c = summary.byTier[tier];
                  if (!c) return null;
                  return (
                    <Table.Tr key={tier} data-tier={tier}>
                      <Table.Td>{t(`tier.${tier}`)}</Table.Td>
                      <Table.Td>{num(c.inScope, { tier, sel: 'in_scope' })}</Table.Td>
                      <Table.Td>{num(c.ready, { tier, sel: 'in_scope', blocker: 'none' })}</Table.Td>
                      <Table.Td>{num(c.blocked, { tier, blocker: 'any' })}</Table.Td>
                      <Table.Td className="num">{c.percent}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="rd-blockers">
          <Title order={3} size="h4" id="rd-blockers" mb="sm">
            {t('readiness.blockerCount', { count: summary.blockerCount })}
          </Title>
          {byRule.size === 0 ? (
            <Text>{t('readiness.allReady')}</Text>
          ) : (
            <ul className="blocker-list" data-testid="blockers-by-rule">
              {[...byRule].map(([rule, e]) => (
                <li key={rule} data-rule={rule}>
                  <Text span size="sm" fw={600}>
                    {t(`blockerRule.${rule}`)}
                  </Text>{' '}
                  {rule.startsWith('period_') ? (
                    <Text span size="sm">
                      ({e.count})
                    </Text>
                  ) : (
                    <>({num(e.count, { blocker: rule })})</>
                  )}
                  <Text size="xs">{t(`clearAction.${e.clears}`)}</Text>
                </li>
              ))}
            </ul>
          )}
        </Paper>
      </SimpleGrid>
      {blockerActions}

      <Paper withBorder p="md" component="section" aria-labelledby="rd-clause">
        <Title order={3} size="h4" id="rd-clause" mb="sm">
          {t('readiness.byClause')}
        </Title>
        <figure className="chart" aria-hidden="true">
          <BarChart
            h={220}
            data={summary.byClause.map((c) => ({
              name: clauseLabel(c),
              ready: c.counts.ready,
              blocked: c.counts.blocked,
            }))}
            dataKey="name"
            type="stacked"
            series={[
              { name: 'ready', label: t('readiness.ready'), color: 'teal.7' },
              { name: 'blocked', label: t('readiness.blocked'), color: 'red.7' },
            ]}
            withLegend
            barChartProps={{ accessibilityLayer: false }}
          />
        </figure>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="rd-heat">
        <Title order={3} size="h4" id="rd-heat">
          {t('readiness.heatmap')}
        </Title>
        <Text size="sm" mb="sm">
          {t('readiness.heatmapHelp')}
        </Text>
        <Table.ScrollContainer minWidth={560} type="native">
          <Table withTableBorder withColumnBorders className="heatmap" data-testid="heatmap">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('readiness.clause')}</Table.Th>
                {implementationStatuses.map((s) => (
                  <Table.Th key={s} scope="col">
                    {t(`implStatus.${s}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('readiness.blocked')}</Table.Th>
                <Table.Th scope="col">%</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.byClause.map((c) => (
                <Table.Tr key={c.clause} data-clause={c.clause}>
                  <Table.Th scope="row" className="mono">
                    {c.clause}
                  </Table.Th>
                  {implementationStatuses.map((s) => {
                    const n = c.counts.byStatus[s] ?? 0;
                    // Shade by share of the largest cell; the number itself is always shown (not colour alone).
                    const level = n === 0 ? 0 : Math.ceil((n / maxCell) * 4);
                    return (
                      <Table.Td key={s} data-level={level} data-status={s} className={`heat heat-${s}`}>
                        {n === 0 ? (
                          <span className="num">0</span>
                        ) : (
                          num(n, { clause: c.clause, status: s, sel: 'in_scope' }, undefined, 'heat-link')
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>{num(c.counts.blocked, { clause: c.clause, blocker: 'any' })}</Table.Td>
                  <Table.Td className="num">{c.counts.percent}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
