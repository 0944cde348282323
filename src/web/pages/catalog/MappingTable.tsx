import { Anchor, Button, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDeleteMapping, type NodeMapping } from '../../api/mappings';
import { nodeHref, sourceLabel } from '../../components/catalog-text';
import { frameworkName } from '../../components/framework-name';
import { RelBadge } from '../../components/catalog-bits';
import { ErrorAlert } from '../../components/status';
import { MappingNote } from '../../components/mapping-note';

export function MappingTable({
  title,
  mappings,
  onChange,
  testId,
}: {
  title: string;
  mappings: NodeMapping[];
  onChange: () => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const del = useDeleteMapping(onChange);
  return (
    <Card withBorder data-testid={testId}>
      <Title order={4} size="h5" mb="xs">
        {title} ({mappings.length})
      </Title>
      {del.error && <ErrorAlert error={del.error} />}
      {mappings.length === 0 ? (
        <Text size="sm">{t('mapping.none')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.relationship')}</Table.Th>
              <Table.Th>{t('mapping.other')}</Table.Th>
              <Table.Th>{t('mapping.provenance')}</Table.Th>
              <Table.Th ta="right">{t('mapping.confidence')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mappings.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <RelBadge rel={m.relationship} />
                </Table.Td>
                <Table.Td>
                  {m.other ? (
                    <Anchor
                      component={Link}
                      to={nodeHref(m.other.key)}
                      className="mono"
                      size="sm"
                      title={frameworkName(m.other.key.split(':')[0]!, i18n.language)}
                    >
                      {m.other.key.split(':')[0]}:{m.other.label}
                    </Anchor>
                  ) : null}{' '}
                  <Text span size="sm">
                    {m.other?.title ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {[t(`mapping.method.${m.provenance.method}`), sourceLabel(m.provenance.document, m.set.title)]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {m.note && <MappingNote note={m.note} />}
                </Table.Td>
                <Table.Td ta="right">{m.confidence.toFixed(2)}</Table.Td>
                <Table.Td>
                  {m.abilities.delete && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => window.confirm(t('mapping.deleteConfirm')) && del.mutate(m.id)}
                    >
                      {t('mapping.delete')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
