import { Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapProposal } from '../../api/gap';
import type { Relationship } from '../../api/mappings';
import { RelBadge } from '../../components/catalog-bits';
import { ErrorAlert } from '../../components/status';
import { PathView } from './PathView';
import { ProposedText, SourceWhere } from './ProposalList';

/**
 * One proposal decided on its own: every path it came by, what accepting it would write, and a note — required for
 * a weaker mapping (subset-of, intersects-with) or a cloud-specific item — that is recorded with the decision.
 */
export function DecideModal(p: {
  proposal: GapProposal;
  fileName: string;
  setTitles: ReadonlyMap<string, string>;
  busy: boolean;
  error: unknown;
  onDecide: (decision: 'accept' | 'reject', note: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const x = p.proposal;
  const noteRequired = !x.bulkAcceptable;
  const missing = noteRequired && note.trim() === '';
  const submit = (decision: 'accept' | 'reject') => {
    setTried(true);
    if (!missing) p.onDecide(decision, note.trim());
  };
  return (
    <Modal
      opened
      onClose={p.onClose}
      size="lg"
      title={
        <Title order={3} size="h4">
          {t('gap.decideTitle', { item: x.itemId, source: x.sourceId })}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('gap.cancel') }}
    >
      <Stack gap="sm" data-testid="gap-decide-modal">
        <Group gap="xs">
          <RelBadge rel={x.relationship as Relationship} />
          <Text size="sm">
            {!x.bulkAcceptable && (x.relationship === 'equal' || x.relationship === 'superset-of')
              ? t('gap.needsOwnDecision')
              : t(`gap.groupHelp.${x.relationship}`, { defaultValue: '' })}
          </Text>
        </Group>
        <Text size="sm">
          {t('gap.source')}: <span className="mono">{x.sourceId}</span> ·{' '}
          {t(`gap.sourceStatus.${x.sourceStatus}`, { defaultValue: x.sourceStatus })} ·{' '}
          <SourceWhere p={x} fileName={p.fileName} />
        </Text>
        <Text size="sm">
          {t('gap.proposed')}: <ProposedText value={x.proposed} />
        </Text>
        {x.proposed.draft && (
          <Text size="sm" className="prose" lineClamp={6}>
            {x.proposed.draft}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('gap.allPaths')}
          </Text>
          {x.paths.map((path, i) => (
            <PathView key={i} path={path} setTitles={p.setTitles} />
          ))}
        </Stack>
        <Textarea
          label={t('gap.note')}
          description={t('gap.noteHelp')}
          required={noteRequired}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={tried && missing ? t('gap.noteRequired') : undefined}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="gap-note"
        />
        {p.error !== null && p.error !== undefined && <ErrorAlert error={p.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={p.onClose}>
            {t('gap.cancel')}
          </Button>
          <Button
            variant="light"
            color="gray"
            onClick={() => submit('reject')}
            loading={p.busy}
            data-testid="gap-reject"
          >
            {t('gap.reject')}
          </Button>
          <Button onClick={() => submit('accept')} loading={p.busy} data-testid="gap-accept">
            {t('gap.accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
