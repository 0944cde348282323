import { BarChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { gapReportCsvHref, gapReportXlsxHref, useGapImport, useGapReport, type GapReport } from '../../api/gap';
import { ErrorAlert, Loading } from '../../components/status';
import { GapItemTable } from './GapItemTable';
import { Steps } from './Steps';

const TIERS = ['governance', 'management', 'controls'] as const;

/**
 * Step 5: what ISMAP asks beyond the imported posture — totals, gaps per tier, clause and reason (chart and
 * table), the item list (each linking into the statement editor), the imported controls that map to nothing,
 * and the report as xlsx and CSV.
 */
export function GapReportPage() {
  const { t, i18n } = useTranslation();
  const { importId = '' } = useParams();
  const imp = useGapImport(importId);
  const q = useGapReport(importId);
  if (q.isLoading || imp.isLoading) return <Loading />;
  if (q.error || imp.error || !q.data || !imp.data) return <ErrorAlert error={q.error ?? imp.error} />;
  const r = q.data;
  const i = imp.data.import;
  const n = (x: number) => x.toLocaleString(i18n.language);
  const tiers = TIERS.flatMap((tier) => {
    const rows = r.byTier.filter((c) => c.tier === tier);
    if (rows.length === 0) return [];
    return [{ tier, items: rows.reduce((s, c) => s + c.items, 0), gaps: rows.reduce((s, c) => s + c.gaps, 0) }];
  });
  const gapItems = r.items.filter((x) => x.reasons.length > 0);
  const proposals = imp.data.groups.flatMap((g) => g.proposals);
  const decided = (f: (d: string | null) => boolean) => n(proposals.filter((p) => f(p.decision)).length);
  return (
    <Stack maw={1200} data-testid="gap-report">
      <Steps current="report" skip={i.kind === 'ssp' ? ['edition'] : []} />
      <Title order={2}>{t('gap.reportTitle', { file: i.fileName })}</Title>
      <Text fw={600} data-testid="gap-totals">
        {t('gap.totals', {
          items: n(r.totals.items),
          covered: n(r.totals.covered),
          gaps: n(r.totals.gaps),
          proposals: n(r.totals.proposals),
        })}
      </Text>
      <Text size="sm" data-testid="gap-report-decisions">
        {t('gap.decisions', {
          accepted: decided((d) => d === 'accepted' || d === 'edited'),
          rejected: decided((d) => d === 'rejected'),
          undecided: decided((d) => d === null),
        })}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button component="a" href={gapReportXlsxHref(i.id, i18n.language)} variant="default" data-testid="gap-xlsx">
          {t('gap.downloadXlsx')}
        </Button>
        <Button component="a" href={gapReportCsvHref(i.id, i18n.language)} variant="default" data-testid="gap-csv">
          {t('gap.downloadCsv')}
        </Button>
        <Button component={Link} to={`/gap-imports/${i.id}`} variant="default">
          {t('gap.toProposals')}
        </Button>
        <Button component={Link} to={`/statements/${i.statementId}`} data-testid="gap-open-editor">
          {t('gap.openEditor')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder component="section" aria-labelledby="gap-by-tier">
          <Title order={3} size="h4" id="gap-by-tier" mb="sm">
            {t('gap.byTier')}
          </Title>
          <figure className="chart" aria-hidden="true">
            <BarChart
              h={170}
              data={tiers.map((x) => ({ name: t(`tier.${x.tier}`), covered: x.items - x.gaps, gaps: x.gaps }))}
              dataKey="name"
              type="stacked"
              orientation="vertical"
              yAxisProps={{ width: 110 }}
              series={[
                { name: 'covered', label: t('gap.covered'), color: 'teal.7' },
                { name: 'gaps', label: t('gap.gaps'), color: 'red.7' },
              ]}
              withLegend
              barChartProps={{ accessibilityLayer: false }}
            />
          </figure>
          <Table.ScrollContainer minWidth={300} type="native" mt="sm">
            <Table data-testid="gap-tier-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('gap.tier')}</Table.Th>
                  <Table.Th>{t('gap.items')}</Table.Th>
                  <Table.Th>{t('gap.gaps')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tiers.map((x) => (
                  <Table.Tr key={x.tier} data-tier={x.tier}>
                    <Table.Td>{t(`tier.${x.tier}`)}</Table.Td>
                    <Table.Td className="num">{n(x.items)}</Table.Td>
                    <Table.Td className="num">{n(x.gaps)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <Card withBorder component="section" aria-labelledby="gap-by-reason">
          <Title order={3} size="h4" id="gap-by-reason" mb="sm">
            {t('gap.byReason')}
          </Title>
          <List size="sm" spacing={4} data-testid="gap-reasons">
            {Object.entries(r.byReason)
              .filter(([, c]) => c > 0)
              .map(([reason, c]) => (
                <List.Item key={reason} data-reason={reason}>
                  {t(`gapReason.${reason}`, { defaultValue: reason })}: <span className="num">{n(c)}</span>
                </List.Item>
              ))}
          </List>
        </Card>
      </SimpleGrid>
      <ClauseChart report={r} />
      <Card withBorder component="section" aria-labelledby="gap-items-title">
        <Title order={3} size="h4" id="gap-items-title" mb="sm">
          {t('gap.gapItems')} ({n(gapItems.length)})
        </Title>
        <GapItemTable items={gapItems} statementId={i.statementId} />
      </Card>
      <Card withBorder component="section" aria-labelledby="gap-unmapped-title" data-testid="gap-unmapped">
        <Title order={3} size="h4" id="gap-unmapped-title" mb="sm">
          {t('gap.unmapped')} ({n(r.unmapped.length)})
        </Title>
        {r.unmapped.length === 0 ? (
          <Text size="sm">{t('gap.unmappedNone')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {r.unmapped.map((u) => (
              <List.Item key={u.id}>
                <span className="mono">{u.id}</span> {u.title}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Text size="xs">
        <Anchor component={Link} to={`/gap-imports/${i.id}`}>
          {t('gap.toProposals')}
        </Anchor>
      </Text>
    </Stack>
  );
}

function ClauseChart({ report }: { report: GapReport }) {
  const { t } = useTranslation();
  const rows = report.byClause.filter((c) => c.items > 0);
  return (
    <Card withBorder component="section" aria-labelledby="gap-by-clause">
      <Title order={3} size="h4" id="gap-by-clause" mb="sm">
        {t('gap.byClause')}
      </Title>
      <Text size="xs" mb="xs">
        {t('gap.chartHidden')}
      </Text>
      <figure className="chart" aria-hidden="true">
        <BarChart
          h={220}
          data={rows.map((c) => ({ name: c.clause, covered: c.items - c.gaps, gaps: c.gaps }))}
          dataKey="name"
          type="stacked"
          series={[
            { name: 'covered', label: t('gap.covered'), color: 'teal.7' },
            { name: 'gaps', label: t('gap.gaps'), color: 'red.7' },
          ]}
          withLegend
          barChartProps={{ accessibilityLayer: false }}
        />
      </figure>
      <Table.ScrollContainer minWidth={300} type="native" mt="sm">
        <Table data-testid="gap-clause-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('gap.clause')}</Table.Th>
              <Table.Th>{t('gap.tier')}</Table.Th>
              <Table.Th>{t('gap.items')}</Table.Th>
              <Table.Th>{t('gap.gaps')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={`${c.tier}-${c.clause}`}>
                <Table.Td className="mono">{c.clause}</Table.Td>
                <Table.Td>{t(`tier.${c.tier}`, { defaultValue: c.tier })}</Table.Td>
                <Table.Td className="num">{c.items}</Table.Td>
                <Table.Td className="num">{c.gaps}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
