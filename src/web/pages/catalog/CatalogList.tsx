import { Anchor, Button, Group, Stack, Table, Text, Title, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCatalogs } from '../../api/catalogs';
import { anyTitle } from '../../components/catalog-text';
import { frameworkName } from '../../components/framework-name';
import { ErrorAlert, Loading } from '../../components/status';

// The criteria import page still imports it from here.
export { useCatalogs };

export function CatalogList() {
  const { t, i18n } = useTranslation();
  const q = useCatalogs();
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { editions, abilities } = q.data!;
  const multi = new Set(
    editions.filter((e, _i, all) => all.filter((x) => x.catalog === e.catalog).length > 1).map((e) => e.catalog),
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('catalog.title')}</Title>
        {abilities.importText && (
          <Button component={Link} to="/catalogs/import" variant="light">
            {t('catalog.importText')}
          </Button>
        )}
      </Group>
      {/* On a phone the table scrolls in its own box instead of widening the page. */}
      <Table.ScrollContainer minWidth={760} type="native" tabIndex={0}>
        <Table striped highlightOnHover stickyHeader data-testid="catalog-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalog.catalog')}</Table.Th>
              <Table.Th>{t('catalog.edition')}</Table.Th>
              <Table.Th>{t('catalog.editionTitle')}</Table.Th>
              <Table.Th ta="right">{t('catalog.nodes')}</Table.Th>
              <Table.Th ta="right">{t('catalog.mandatory')}</Table.Th>
              <Table.Th>{t('catalog.source')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {editions.map((e) => (
              <Table.Tr key={`${e.catalog}:${e.edition}`}>
                <Table.Td className="mono" title={frameworkName(e.catalog, i18n.language)}>
                  {e.catalog}
                </Table.Td>
                <Table.Td className="mono">
                  {e.edition} {e.newest && multi.has(e.catalog) && <Badge size="xs">{t('catalog.newest')}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/catalogs/${e.catalog}/${e.edition}`}>
                    {anyTitle(e.title, i18n.language) ?? e.catalog}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[
                      ...Object.entries(e.countsByKind).map(
                        ([k, n]) => `${t(`catalog.kind.${k}`, { defaultValue: k })} ${n.toLocaleString()}`,
                      ),
                      ...Object.entries(e.flagCounts).map(
                        ([f, n]) =>
                          `${['P', 'B', 'withdrawn'].includes(f) ? t(`catalog.flagInList.${f}`) : f} ${n.toLocaleString()}`,
                      ),
                    ].join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{e.nodeCount.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{e.mandatoryCount ? e.mandatoryCount.toLocaleString() : '—'}</Table.Td>
                <Table.Td>{e.source === 'bundled' ? t('catalog.bundled') : t('catalog.imported')}</Table.Td>
                <Table.Td>
                  {multi.has(e.catalog) && e.newest && (
                    <Anchor component={Link} to={`/catalogs/${e.catalog}/diff`} size="sm">
                      {t('catalog.compare')}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editions.some((e) => e.mandatoryCount > 0) && (
        <Text size="sm" c="dimmed" data-testid="mandatory-note">
          {t('catalog.mandatoryNote')}
        </Text>
      )}
    </Stack>
  );
}
