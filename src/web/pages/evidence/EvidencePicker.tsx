import { Anchor, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useEvidenceList, useLinkEvidence, useLinkedEvidence, type EvidenceEntry } from '../../api/evidence';
import { ErrorAlert } from '../../components/status';
import { matches } from './EvidenceLibrary';
import { localTitle } from './title';

const MAX_RESULTS = 8;

/**
 * The evidence of one statement item: what is linked (each opens in the library), and a search over the library to
 * link more or unlink. Linking is recorded and audited by the server; a retired evidence can be unlinked only.
 */
export function EvidencePicker(p: { statementId: string; itemId: string; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const linked = useLinkedEvidence(p.statementId, p.itemId);
  const [q, setQ] = useState('');
  const library = useEvidenceList(false);
  const link = useLinkEvidence();
  const linkedIds = new Set((linked.data?.evidence ?? []).map((e) => e.id));
  const results = q.trim()
    ? (library.data?.evidence ?? []).filter((e) => !linkedIds.has(e.id) && matches(e, q)).slice(0, MAX_RESULTS)
    : [];
  const change = (e: EvidenceEntry, mode: 'link' | 'unlink') =>
    link.mutate({ evidenceId: e.id, link: { statementId: p.statementId, itemId: p.itemId }, mode });
  const row = (e: EvidenceEntry, action: React.ReactNode) => (
    <Group key={e.id} justify="space-between" wrap="wrap" gap="xs" data-evidence={e.id}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/evidence/${e.id}`} size="sm" fw={600}>
          {localTitle(e.title, lang)}
        </Anchor>
        <Badge variant="light" size="sm">
          {t(`evidence.kind.${e.kind}`)}
        </Badge>
        {e.retiredAt && (
          <Badge variant="outline" color="gray" size="sm">
            {t('evidence.retired')}
          </Badge>
        )}
      </Group>
      {action}
    </Group>
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="item-evidence-title" data-testid="evidence-picker">
      <Title order={4} id="item-evidence-title">
        {t('evidence.picker.title')}
      </Title>
      {linked.error && <ErrorAlert error={linked.error} />}
      {link.error && <ErrorAlert error={link.error} />}
      <Stack gap={4} data-testid="linked-evidence">
        {linked.data && linked.data.evidence.length === 0 && <Text size="sm">{t('evidence.picker.none')}</Text>}
        {linked.data?.evidence.map((e) =>
          row(
            e,
            !p.readOnly && (
              <Button
                size="compact-sm"
                variant="default"
                aria-label={t('evidence.picker.unlinkLabel', { title: localTitle(e.title, lang) })}
                loading={link.isPending && link.variables?.evidenceId === e.id}
                onClick={() => change(e, 'unlink')}
              >
                {t('evidence.picker.unlink')}
              </Button>
            ),
          ),
        )}
      </Stack>
      {!p.readOnly && (
        <Stack gap={4}>
          <TextInput
            type="search"
            label={t('evidence.picker.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="evidence-picker-q"
          />
          {q.trim() && results.length === 0 && library.data && <Text size="sm">{t('evidence.picker.noResults')}</Text>}
          <Stack gap={4} data-testid="evidence-picker-results">
            {results.map((e) =>
              row(
                e,
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t('evidence.picker.linkLabel', { title: localTitle(e.title, lang) })}
                  loading={link.isPending && link.variables?.evidenceId === e.id}
                  onClick={() => change(e, 'link')}
                >
                  {t('evidence.picker.link')}
                </Button>,
              ),
            )}
          </Stack>
          <Anchor component={Link} to="/evidence" size="sm">
            {t('evidence.picker.library')}
          </Anchor>
        </Stack>
      )}
    </Stack>
  );
}
