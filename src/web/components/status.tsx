import { Alert, Center, Loader, Stack, Text, Title, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, type ApiIssue } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" />
      <Text>{t('common.loading')}</Text>
    </Center>
  );
}

/**
 * A problem in the UI language: by its stable key and parameters when the catalogue has it (zod's codes are
 * refined by what was checked: `issue.zod_too_small_string`), else the server's English sentence.
 */
export function useIssueText() {
  const { t, i18n } = useTranslation();
  return (i: ApiIssue) => {
    const params = i.params ?? {};
    const refined = [params.format, params.origin]
      .filter((x) => typeof x === 'string')
      .map((x) => `issue.${i.code}_${String(x)}`);
    const keys = i.code ? [...refined, `issue.${i.code}`] : [];
    const key = keys.find((k) => i18n.exists(k));
    return key ? t(key, params) : i.message;
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const issueText = useIssueText();
  // 403 on a page's own data reads like 404: the page is not for this user (the server decides; we only word it).
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return <NotFound />;
  // The headline is in the UI language (from the stable error code), and so is the detail when the server said
  // which failure it was (`reason` + `params`); otherwise the server's sentence follows as sent.
  const code = error instanceof ApiError ? error.code : 'other';
  const reason =
    error instanceof ApiError && error.reason && i18n.exists(`errorReason.${error.reason}`) ? error.reason : null;
  const message =
    reason && error instanceof ApiError
      ? t(`errorReason.${reason}`, error.params)
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <Alert color="red" role="alert" title={t(`errors.${code}`, { defaultValue: t('errors.other') })}>
      {message}
      {error instanceof ApiError &&
        error.issues.map((i, n) => (
          <Text key={n} size="sm">
            {i.row ? t('errors.rowPrefix', { row: i.row }) : ''}
            {i.path.join('.')} {issueText(i)}
          </Text>
        ))}
    </Alert>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={2}>{t('common.notFound')}</Title>
      <Text>{t('common.notFoundText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('common.back')}
      </Button>
    </Stack>
  );
}
