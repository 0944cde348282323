import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { diffText } from './text-diff';
import type { RecordedChange } from './use-autosave';

type Text2 = { ja?: string | null; en?: string | null };

export interface Revision {
  effectiveDate: string;
  before: Text2;
  after: Text2;
  note?: string | null;
  recordedBy?: string | null;
}

export interface RevisionHistoryProps {
  revisions: readonly Revision[];
  /**
   * Under audit: the individual control is saved only as a recorded change. `before` is the stored control,
   * `after` the panel's draft; `pending` says they differ.
   */
  record?: {
    pending: boolean;
    before: Text2;
    after: Text2;
    defaultReason: string;
    readOnly: boolean;
    onRecord: (change: RecordedChange) => Promise<boolean>;
  };
}

/** Today in Japan Standard Time, as the date input wants it (YYYY-MM-DD). */
const todayInJapan = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());

/**
 * The change history of one item's individual control (個別管理策): each dated revision with who recorded it, its
 * reason, and what changed in each language, newest first. Under audit it also holds the one way to change the
 * control: save it as a recorded change with its date and reason.
 */
export function RevisionHistory({ revisions, record }: RevisionHistoryProps) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...revisions].reverse();
  return (
    <Stack gap="xs" component="section" aria-labelledby="revision-history-title" data-testid="revision-history">
      <Title order={4} id="revision-history-title">
        {t('revisionHistory.title')}
      </Title>
      {record && <RecordChange {...record} />}
      {newestFirst.length === 0 ? (
        <Text size="sm">{t('revisionHistory.empty')}</Text>
      ) : (
        <ol className="revision-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {newestFirst.map((r, i) => (
            <li key={revisions.length - i} data-testid="revision">
              <Card withBorder padding="sm" mb="xs">
                <Stack gap={6}>
                  <Group gap="md" wrap="wrap">
                    <Text size="sm" fw={700} component="h5" m={0}>
                      {t('revisionHistory.entry', {
                        date: formatDate(`${r.effectiveDate}T12:00:00+09:00`, i18n.language),
                      })}
                    </Text>
                    <Text size="sm">
                      {t('revisionHistory.by')}: {r.recordedBy || t('revisionHistory.unknownAuthor')}
                    </Text>
                  </Group>
                  <Text size="sm" data-testid="revision-reason">
                    {t('revisionHistory.reason')}: {r.note || t('revisionHistory.noReason')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    {(['ja', 'en'] as const).map((lang) => (
                      <TextDiff key={lang} lang={lang} before={r.before[lang] ?? ''} after={r.after[lang] ?? ''} />
                    ))}
                  </SimpleGrid>
                </Stack>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}

/** Before → after of one language, removed text struck through and added text underlined (never colour alone). */
function TextDiff({ lang, before, after }: { lang: 'ja' | 'en'; before: string; after: string }) {
  const { t } = useTranslation();
  const parts = diffText(before, after);
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600}>
        {t('revisionHistory.lang', { lang: t(`item.${lang}`) })}
      </Text>
      {before === after ? (
        <Text size="sm" className="prose" lang={lang}>
          {before ? `${before} ` : ''}({t('revisionHistory.unchanged')})
        </Text>
      ) : (
        <Text size="sm" className="prose" lang={lang} data-testid={`revision-diff-${lang}`}>
          {parts.map((p, i) =>
            p.kind === 'same' ? (
              <span key={i}>{p.text}</span>
            ) : p.kind === 'removed' ? (
              <del key={i} style={{ background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-black)' }}>
                {p.text}
              </del>
            ) : (
              <ins key={i} style={{ background: 'var(--mantine-color-teal-1)', color: 'var(--mantine-color-black)' }}>
                {p.text}
              </ins>
            ),
          )}
        </Text>
      )}
    </Stack>
  );
}

function RecordChange(p: NonNullable<RevisionHistoryProps['record']>) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayInJapan);
  const [reason, setReason] = useState(p.defaultReason);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<'saved' | 'conflict' | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome(null);
    p.onRecord({ effectiveDate: date, reason: reason.trim() }).then(
      (ok) => {
        setBusy(false);
        setOutcome(ok ? 'saved' : 'conflict');
      },
      (err: unknown) => {
        setBusy(false);
        setError(err);
      },
    );
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} data-testid="record-change">
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t('revisionHistory.recordTitle')}
        </Text>
        <Text size="sm">{t('revisionHistory.recordHelp')}</Text>
        {p.pending ? (
          <Alert color="orange" variant="light" classNames={{ title: 'alert-title' }} data-testid="record-pending">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('revisionHistory.pending')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {(['ja', 'en'] as const).map((lang) => (
                  <TextDiff key={lang} lang={lang} before={p.before[lang] ?? ''} after={p.after[lang] ?? ''} />
                ))}
              </SimpleGrid>
            </Stack>
          </Alert>
        ) : (
          <Text size="sm">{t('revisionHistory.noPending')}</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('revisionHistory.changeDate')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
            readOnly={p.readOnly}
            data-testid="record-date"
          />
          <Textarea
            label={t('revisionHistory.changeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={1}
            readOnly={p.readOnly}
            data-testid="record-reason"
          />
        </SimpleGrid>
        {error !== null && <ErrorAlert error={error} />}
        {outcome === 'saved' && (
          <Text role="status" size="sm" c="teal.9" data-testid="record-saved">
            {t('revisionHistory.saved')}
          </Text>
        )}
        {outcome === 'conflict' && (
          <Text role="status" size="sm" c="orange.9">
            {t('revisionHistory.conflict')}
          </Text>
        )}
        <Group>
          <Button
            type="submit"
            loading={busy}
            disabled={p.readOnly || !p.pending || !date || !reason.trim()}
            data-testid="record-save"
          >
            {t('revisionHistory.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
