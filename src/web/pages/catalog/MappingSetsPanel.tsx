import { Badge, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMappingSets, usePublishMappingSet } from '../../api/mappings';
import { ErrorAlert, Loading } from '../../components/status';

/**
 * The mapping sets the caller may read. An organization's own sets (manual mappings, imports) are private to it;
 * a platform administrator publishes one to everyone with the switch.
 */
export function MappingSetsPanel() {
  const { t } = useTranslation();
  const q = useMappingSets();
  const publish = usePublishMappingSet();
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <>
      <Title order={3}>{t('mappingSets.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('mappingSets.intro')}
      </Text>
      {publish.error && <ErrorAlert error={publish.error} />}
      <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
        <Table striped data-testid="mapping-sets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.set')}</Table.Th>
              <Table.Th>{t('mappingSets.count')}</Table.Th>
              <Table.Th>{t('mappingSets.visibility')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(q.data?.sets ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm">{s.title}</Text>
                  <Text size="xs" c="dimmed" className="mono">
                    {s.id}
                  </Text>
                </Table.Td>
                <Table.Td>{s.count}</Table.Td>
                <Table.Td>
                  {s.abilities.publish ? (
                    <Switch
                      label={t('mappingSets.published')}
                      checked={s.published}
                      disabled={publish.isPending}
                      onChange={(e) => publish.mutate({ id: s.id, published: e.currentTarget.checked })}
                    />
                  ) : (
                    <Badge variant="light" color={s.orgId === null ? 'gray' : s.published ? 'green' : 'blue'}>
                      {t(
                        s.orgId === null
                          ? 'mappingSets.global'
                          : s.published
                            ? 'mappingSets.published'
                            : 'mappingSets.private',
                      )}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
