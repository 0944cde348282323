import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMappingSummary } from '../../api/mappings';
import { frameworkName } from '../../components/framework-name';
import { Loading } from '../../components/status';

/**
 * How one item reaches every other framework: the number of target items per framework over all mapping paths,
 * each with a link to its paths. Shown on the item page so NIST and FedRAMP are not hidden behind a search.
 */
export function MappingSummary({ nodeKey, catalogs }: { nodeKey: string; catalogs: string[] }) {
  const { t, i18n } = useTranslation();
  const results = useMappingSummary(nodeKey, catalogs);
  const rows = catalogs.map((c, i) => ({ catalog: c, name: frameworkName(c, i18n.language), q: results[i]! }));
  const found = rows.filter((r) => (r.q.data?.targets.length ?? 0) > 0);
  const none = rows.filter((r) => r.q.data && r.q.data.targets.length === 0);
  const pending = rows.some((r) => r.q.isLoading);
  const href = (to: string) => `/mappings?from=${encodeURIComponent(nodeKey)}&to=${encodeURIComponent(to)}`;
  return (
    <Card withBorder data-testid="mapping-summary">
      <Title order={4} size="h5" mb="xs">
        {t('mapping.summary')}
      </Title>
      {found.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.framework')}</Table.Th>
              <Table.Th ta="right">{t('mapping.summaryCount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.map((r) => (
              <Table.Tr key={r.catalog} data-catalog={r.catalog}>
                <Table.Td title={r.catalog}>{r.name}</Table.Td>
                <Table.Td ta="right">{t('mapping.summaryTargets', { count: r.q.data!.targets.length })}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={href(r.catalog)} size="sm">
                    {t('mapping.summaryOpen')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pending && <Loading />}
      {none.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('mapping.summaryNone', { names: none.map((r) => r.name).join(i18n.language === 'ja' ? '、' : ', ') })}
        </Text>
      )}
    </Card>
  );
}
