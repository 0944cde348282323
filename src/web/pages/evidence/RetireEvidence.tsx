import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
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
  return (
    <>
      <Button color="red.8" variant="outline" onClick={() => setOpen(true)} data-testid="retire-open">
        {t('evidence.detail.retire')}
      </Button>
      <Modal opened={open} onClose={close} title={t('evidence.detail.retireTitle')}>
        <Stack gap="sm">
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
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('evidence.upload.cancel')}
            </Button>
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
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
