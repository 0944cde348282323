import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRetireEvidence, type EvidenceDetail } from '../../api/evidence';
import { ErrorAlert } from '../../components/status';

/** Retiring asks for its reason and confirms: it is recorded (who, when, why), never an erase. */
export function RetireEvidence({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const retire = useRetireEvidence(evidence.id);
  const close = () => {
    setOpen(false);
    retire.reset();
  };
  if (!open)
    return (
      <Group>
        <Button color="red.8" variant="outline" onClick={() => setOpen(true)} data-testid="retire-open">
          {t('evidence.detail.retire')}
        </Button>
      </Group>
    );
  // Confirmed in place (a second step with its reason), so nothing is retired by one stray click.
  return (
    <Card withBorder component="section" aria-labelledby="evidence-retire-title" data-testid="retire-form">
      <Stack gap="sm">
        <Title order={3} id="evidence-retire-title">
          {t('evidence.detail.retireTitle')}
        </Title>
        <Text size="sm">{t('evidence.detail.retireText')}</Text>
        <Textarea
          label={t('evidence.detail.retireReason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="retire-reason"
        />
        {retire.error && <ErrorAlert error={retire.error} />}
        <Group>
          <Button
            color="red.8"
            disabled={!reason.trim()}
            loading={retire.isPending}
            onClick={() =>
              retire.mutate({ version: evidence.version, reason: reason.trim() }, { onSuccess: () => setOpen(false) })
            }
            data-testid="retire-confirm"
          >
            {t('evidence.detail.retireConfirm')}
          </Button>
          <Button variant="default" onClick={close}>
            {t('evidence.upload.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
