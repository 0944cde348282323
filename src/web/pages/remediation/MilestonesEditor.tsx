import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RemediationDraft } from './form-draft';

type Milestone = RemediationDraft['milestones'][number];

/** An item's milestones: title, planned and actual date each; an overdue one says so in words. */
export function MilestonesEditor(p: {
  milestones: readonly Milestone[];
  overdue: readonly string[];
  readOnly: boolean;
  onChange: (next: Milestone[]) => void;
}) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<Milestone>) =>
    p.onChange(p.milestones.map((m, n) => (n === i ? { ...m, ...patch } : m)));
  return (
    <Stack gap="xs" data-testid="milestones">
      {p.milestones.length === 0 && <Text size="sm">{t('remediation.milestone.none')}</Text>}
      {p.milestones.map((m, i) => {
        const n = i + 1;
        return (
          <Paper key={m.id ?? `new-${i}`} withBorder p="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                label={t('remediation.milestone.title', { n })}
                value={m.title}
                readOnly={p.readOnly}
                onChange={(e) => change(i, { title: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('remediation.milestone.planned', { n })}
                value={m.plannedDate}
                readOnly={p.readOnly}
                onChange={(e) => change(i, { plannedDate: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('remediation.milestone.actual', { n })}
                value={m.actualDate}
                readOnly={p.readOnly}
                onChange={(e) => change(i, { actualDate: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group gap="xs" mt={6}>
              {m.id && p.overdue.includes(m.id) && (
                <Badge tt="none" size="sm" color="red.9" variant="outline">
                  {t('remediation.milestone.overdue')}
                </Badge>
              )}
              {!p.readOnly && (
                <Button
                  size="compact-xs"
                  variant="default"
                  c="red.9"
                  onClick={() => p.onChange(p.milestones.filter((_, k) => k !== i))}
                >
                  {t('remediation.milestone.remove', { n })}
                </Button>
              )}
            </Group>
          </Paper>
        );
      })}
      {!p.readOnly && (
        <Group>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => p.onChange([...p.milestones, { title: '', plannedDate: '', actualDate: '' }])}
          >
            {t('remediation.milestone.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
