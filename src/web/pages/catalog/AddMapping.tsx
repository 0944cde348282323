import { Button, Card, Group, NumberInput, Select, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddMapping, type Relationship } from '../../api/mappings';
import { ErrorAlert } from '../../components/status';

const rels: Relationship[] = ['equal', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship'];

export function AddMapping({ source, onAdded }: { source: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<{ target: string; relationship: Relationship; confidence: number; note: string }>({
    target: '',
    relationship: 'intersects-with',
    confidence: 0.7,
    note: '',
  });
  const m = useAddMapping(onAdded);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(
      { source, ...form, note: form.note || undefined },
      { onSuccess: () => setForm({ ...form, target: '', note: '' }) },
    );
  };
  return (
    <Card withBorder maw={900}>
      <Title order={4} size="h5" mb="xs">
        {t('mapping.add')}
      </Title>
      {m.error && <ErrorAlert error={m.error} />}
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('mapping.addTarget')}
            required
            value={form.target}
            onChange={(e) => setForm({ ...form, target: e.currentTarget.value })}
            w={280}
          />
          <Select
            label={t('mapping.relationship')}
            allowDeselect={false}
            value={form.relationship}
            onChange={(v) => setForm({ ...form, relationship: (v ?? 'intersects-with') as Relationship })}
            data={rels.map((r) => ({ value: r, label: t(`mapping.rel.${r}`) }))}
            w={170}
          />
          <NumberInput
            label={t('mapping.confidence')}
            min={0}
            max={1}
            step={0.1}
            decimalScale={2}
            value={form.confidence}
            onChange={(v) => setForm({ ...form, confidence: Number(v) })}
            w={110}
          />
          <TextInput
            label={t('mapping.note')}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={m.isPending}>
            {t('mapping.add')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
