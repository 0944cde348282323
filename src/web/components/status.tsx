import { Alert, Center, Loader, Stack, Text, Title, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" />
      <Text>{t('common.loading')}</Text>
    </Center>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // 403 on a page's own data reads like 404: the page is not for this user (the server decides; we only word it).
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return <NotFound />;
  const message = error instanceof Error ? error.message : String(error);
  // The headline is in the UI language (from the stable error code); the server's detail follows as sent.
  const code = error instanceof ApiError ? error.code : 'other';
  return (
    <Alert color="red" role="alert" title={t(`errors.${code}`, { defaultValue: t('errors.other') })}>
      {message}
      {error instanceof ApiError &&
        error.issues.map((i, n) => (
          <Text key={n} size="sm">
            {i.row ? t('errors.rowPrefix', { row: i.row }) : ''}
            {i.path.join('.')} {i.message}
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
