import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EvidenceLink } from '../../api/evidence';
import { useStatement } from '../../api/statements';
import { formatDateTime } from '../../i18n/format';

function StatementName({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const s = useStatement(id);
  if (!s.data) return <>{t('evidence.detail.statement')}</>;
  const n = s.data.serviceName;
  const name = (i18n.language === 'ja' ? n.ja || n.en : n.en || n.ja) ?? '';
  return <>{s.data.period ? `${name} (${s.data.period.start} – ${s.data.period.end})` : name}</>;
}

/** The statement items this evidence supports, each a link that opens the item in its statement. */
export function WhereUsed({ links }: { links: readonly EvidenceLink[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4} component="section" aria-labelledby="evidence-used-title" data-testid="where-used">
      <Title order={3} id="evidence-used-title">
        {t('evidence.detail.whereUsed')}
      </Title>
      {links.length === 0 ? (
        <Text size="sm">{t('evidence.detail.notUsed')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evidence.detail.statement')}</Table.Th>
                <Table.Th>{t('evidence.detail.item')}</Table.Th>
                <Table.Th>{t('evidence.detail.linkedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.map((l) => (
                <Table.Tr key={`${l.statementId}/${l.itemId}`} data-link-item={l.itemId}>
                  <Table.Td>
                    <StatementName id={l.statementId} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/statements/${l.statementId}?item=${encodeURIComponent(l.itemId)}`}
                      className="mono"
                    >
                      {l.itemId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="num">{formatDateTime(l.linkedAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
