import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateRemediation,
  useDeleteRemediation,
  useUpdateRemediation,
  type RemediationEntry,
  type RemediationStatus,
} from '../../api/remediation';
import { ErrorAlert } from '../../components/status';
import { remediationRisks } from '../../../core/remediation/model';
import { createBody, emptyDraft, toDraft, updateBody, type RemediationDraft } from './form-draft';
import { LinksEditor, type CurrentBlocker } from './LinksEditor';
import { MilestonesEditor } from './MilestonesEditor';
import { MoveMenu } from './MoveMenu';

const closed = (s: RemediationStatus) => s === 'completed' || s === 'risk_accepted' || s === 'cancelled';

/**
 * One remediation item: title, owner, risk, dates, milestones and what it clears (blockers and statement items).
 * Its status changes only by a move (the transition table), from the menu here or on the board.
 */
export function RemediationForm(p: {
  statementId: string;
  entry: RemediationEntry | null;
  blockers: readonly CurrentBlocker[];
  canCreate: boolean;
  busy: boolean;
  moveOutcome: ReactNode;
  onMove: (item: RemediationEntry, to: RemediationStatus) => void;
  onCreated: (id: string) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<RemediationDraft>(p.entry ? toDraft(p.entry) : emptyDraft);
  const [saved, setSaved] = useState(false);
  const create = useCreateRemediation(p.statementId);
  const update = useUpdateRemediation(p.statementId);
  const remove = useDeleteRemediation(p.statementId);
  const e = p.entry;
  const readOnly = e ? !e.abilities.update : !p.canCreate;
  const set = (patch: Partial<RemediationDraft>) => {
    setSaved(false);
    setD({ ...d, ...patch });
  };
  const save = () => {
    setSaved(false);
    if (!e) create.mutate(createBody(d), { onSuccess: (r) => p.onCreated(r.item.id) });
    else
      update.mutate(
        { id: e.id, body: updateBody(d, e.version, closed(e.status)) },
        { onSuccess: () => setSaved(true) },
      );
  };
  const error = create.error ?? update.error ?? remove.error;
  return (
    <Stack
      gap="md"
      component="form"
      data-testid="remediation-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        save();
      }}
    >
      {e && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('remediation.field.status')}:
          </Text>
          <Badge tt="none" variant="light" data-testid="form-status">
            {t(`remediation.status.${e.status}`)}
          </Badge>
          <MoveMenu item={e} busy={p.busy} onMove={(to) => p.onMove(e, to)} />
        </Group>
      )}
      {p.moveOutcome}
      {error && <ErrorAlert error={error} />}
      <TextInput
        label={t('remediation.field.title')}
        required
        value={d.title}
        readOnly={readOnly}
        onChange={(ev) => set({ title: ev.currentTarget.value })}
        data-testid="form-title"
      />
      <Textarea
        label={t('remediation.field.description')}
        autosize
        minRows={2}
        maxRows={8}
        value={d.description}
        readOnly={readOnly}
        onChange={(ev) => set({ description: ev.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('remediation.field.owner')}
          value={d.owner}
          readOnly={readOnly}
          onChange={(ev) => set({ owner: ev.currentTarget.value })}
          data-testid="form-owner"
        />
        <Select
          label={t('remediation.field.risk')}
          data={remediationRisks.map((r) => ({ value: r, label: t(`remediation.risk.${r}`) }))}
          value={d.risk}
          allowDeselect={false}
          readOnly={readOnly}
          onChange={(v) => v && set({ risk: v as RemediationDraft['risk'] })}
          data-testid="form-risk"
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label={t('remediation.field.plannedCompletion')}
          value={d.plannedCompletion}
          readOnly={readOnly}
          onChange={(ev) => set({ plannedCompletion: ev.currentTarget.value })}
          data-testid="form-planned"
        />
        <TextInput
          type="date"
          label={t('remediation.field.actualCompletion')}
          value={d.actualCompletion}
          readOnly={readOnly || !e || !closed(e.status)}
          onChange={(ev) => set({ actualCompletion: ev.currentTarget.value })}
          data-testid="form-actual"
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Title order={4}>{t('remediation.field.milestones')}</Title>
        <MilestonesEditor
          milestones={d.milestones}
          overdue={e?.flags.overdueMilestones ?? []}
          readOnly={readOnly}
          onChange={(milestones) => set({ milestones })}
        />
      </Stack>
      <Stack gap={4}>
        <Title order={4}>{t('remediation.field.links')}</Title>
        <LinksEditor
          statementId={p.statementId}
          links={d.links}
          linked={e?.linked ?? []}
          blockers={p.blockers}
          readOnly={readOnly}
          onChange={(links) => set({ links })}
        />
      </Stack>
      {!readOnly && (
        <Group gap="sm" wrap="wrap">
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="form-save">
            {e ? t('remediation.save') : t('remediation.create')}
          </Button>
          {saved && (
            <Text role="status" size="sm" c="teal.9" data-testid="form-saved">
              {t('remediation.saved')}
            </Text>
          )}
          {e?.abilities.delete && (
            <Button
              variant="default"
              c="red.9"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm(t('remediation.confirmDelete'))) remove.mutate(e.id, { onSuccess: p.onDeleted });
              }}
            >
              {t('remediation.delete')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
