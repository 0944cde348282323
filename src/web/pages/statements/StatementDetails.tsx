import { Button, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../core/catalog/model';
import type { AuditPeriod } from '../../../core/statement/model';
import { trimText } from './ScopeEditor';

export interface StatementHeaderForm {
  period: AuditPeriod | null;
  previousPeriod: AuditPeriod | null;
  subsequentEvents: LocalizedText;
  specialNotes: LocalizedText;
}

const periodOf = (start: string, end: string): AuditPeriod | null => (start && end ? { start, end } : null);

/** The statement's own fields: the audit period (and the previous one, for contiguity), 後発事象 and 特記事項. */
export function StatementDetails({
  initial,
  readOnly,
  needsReason,
  saving,
  onSave,
}: {
  initial: StatementHeaderForm;
  readOnly: boolean;
  needsReason: boolean;
  saving: boolean;
  onSave: (f: StatementHeaderForm, changeReason: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [start, setStart] = useState(initial.period?.start ?? '');
  const [end, setEnd] = useState(initial.period?.end ?? '');
  const [prevStart, setPrevStart] = useState(initial.previousPeriod?.start ?? '');
  const [prevEnd, setPrevEnd] = useState(initial.previousPeriod?.end ?? '');
  const [events, setEvents] = useState(initial.subsequentEvents);
  const [notes, setNotes] = useState(initial.specialNotes);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(
      {
        period: periodOf(start, end),
        previousPeriod: periodOf(prevStart, prevEnd),
        subsequentEvents: trimText(events),
        specialNotes: trimText(notes),
      },
      needsReason ? reason : undefined,
    );
  };
  const bilingual = (
    key: 'subsequentEvents' | 'specialNotes',
    value: LocalizedText,
    set: (v: LocalizedText) => void,
  ) => (
    <Fieldset legend={t(`statement.${key}`)}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(['ja', 'en'] as const).map((lang) => (
          <Textarea
            key={lang}
            lang={lang}
            label={`${t(`statement.${key}`)} (${t(`scope.${lang}`)})`}
            autosize
            minRows={3}
            readOnly={readOnly}
            value={value[lang] ?? ''}
            onChange={(e) => set({ ...value, [lang]: e.currentTarget.value })}
            data-testid={`${key}-${lang}`}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
  return (
    <form onSubmit={submit} data-testid="statement-details">
      <Stack gap="md">
        <Fieldset legend={t('statement.period')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('statement.periodStart')}
              value={start}
              readOnly={readOnly}
              onChange={(e) => setStart(e.currentTarget.value)}
              data-testid="period-start"
            />
            <TextInput
              type="date"
              label={t('statement.periodEnd')}
              value={end}
              readOnly={readOnly}
              onChange={(e) => setEnd(e.currentTarget.value)}
              data-testid="period-end"
            />
            <TextInput
              type="date"
              label={`${t('statement.previousPeriod')} (${t('statement.periodStart')})`}
              value={prevStart}
              readOnly={readOnly}
              onChange={(e) => setPrevStart(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={`${t('statement.previousPeriod')} (${t('statement.periodEnd')})`}
              value={prevEnd}
              readOnly={readOnly}
              onChange={(e) => setPrevEnd(e.currentTarget.value)}
            />
          </SimpleGrid>
        </Fieldset>
        {bilingual('subsequentEvents', events, setEvents)}
        {bilingual('specialNotes', notes, setNotes)}
        {needsReason && !readOnly && (
          <TextInput
            label={t('statement.changeReason')}
            description={t('statement.changeReasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={saving} data-testid="save-details">
              {t('statement.saveHeader')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
