import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { evidenceContentHref, type EvidenceVersion } from '../../api/evidence';
import { formatDateTime } from '../../i18n/format';
import { formatBytes } from './bytes';

/** Every version, newest first: none is ever overwritten, each is named by the SHA-256 of its bytes. */
export function VersionTable(p: { versions: readonly EvidenceVersion[]; userName: (id: string | null) => string }) {
  const { t, i18n } = useTranslation();
  const rows = [...p.versions].sort((a, b) => b.number - a.number);
  return (
    <Stack gap={4} component="section" aria-labelledby="evidence-versions-title">
      <Title order={3} id="evidence-versions-title">
        {t('evidence.detail.versions')}
      </Title>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table withTableBorder data-testid="evidence-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.detail.number')}</Table.Th>
              <Table.Th>{t('evidence.detail.file')}</Table.Th>
              <Table.Th>{t('evidence.detail.sha256')}</Table.Th>
              <Table.Th>{t('evidence.detail.size')}</Table.Th>
              <Table.Th>{t('evidence.detail.uploader')}</Table.Th>
              <Table.Th>{t('evidence.detail.date')}</Table.Th>
              <Table.Th>{t('evidence.detail.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.number} data-version={v.number}>
                <Table.Td className="num">{v.number}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={evidenceContentHref(v.evidenceId, v.number)}
                    aria-label={t('evidence.detail.downloadVersion', { number: v.number })}
                  >
                    {v.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text span size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="version-sha256">
                    {v.sha256}
                  </Text>
                </Table.Td>
                <Table.Td className="num">{formatBytes(v.size)}</Table.Td>
                <Table.Td>{p.userName(v.uploadedBy)}</Table.Td>
                <Table.Td className="num">{formatDateTime(v.uploadedAt, i18n.language)}</Table.Td>
                <Table.Td>{v.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
