import { Alert, Badge, Button, Card, PasswordInput, Stack, Table, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword, useDeviceSessions, useRevokeSession } from '../api/session';
import { ErrorAlert, Loading } from '../components/status';
import { formatDateTime } from '../i18n/format';
import { useSession } from '../session';
import { MfaSection } from './mfa/MfaSection';
import { ApiTokens } from './ApiTokens';

export function Account() {
  const { t, i18n } = useTranslation();
  const q = useDeviceSessions();
  const revoke = useRevokeSession();
  const [pw, setPw] = useState({ currentPassword: '', newPassword: '' });
  const change = useChangePassword();
  const { session } = useSession();
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('account.title')}</Title>
      <Card withBorder maw={520}>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            change.mutate(pw, { onSuccess: () => setPw({ currentPassword: '', newPassword: '' }) });
          }}
        >
          <Stack>
            <Title order={3} size="h5">
              {t('account.changePassword')}
            </Title>
            {change.error && <ErrorAlert error={change.error} />}
            {change.data && (
              <Alert color="green" role="status">
                {t('account.passwordChanged', { count: change.data.revokedSessions })}
              </Alert>
            )}
            <PasswordInput
              label={t('account.currentPassword')}
              autoComplete="current-password"
              required
              value={pw.currentPassword}
              onChange={(e) => setPw({ ...pw, currentPassword: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('account.newPassword')}
              autoComplete="new-password"
              required
              minLength={12}
              value={pw.newPassword}
              onChange={(e) => setPw({ ...pw, newPassword: e.currentTarget.value })}
            />
            <Button type="submit" loading={change.isPending} w="fit-content">
              {t('account.changePassword')}
            </Button>
          </Stack>
        </form>
      </Card>
      <MfaSection email={session?.user.email ?? ''} />
      <Title order={3} size="h4">
        {t('account.sessions')}
      </Title>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <Table.ScrollContainer minWidth={640} type="native" tabIndex={0}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.created')}</Table.Th>
              <Table.Th>{t('account.lastSeen')}</Table.Th>
              <Table.Th>{t('account.device')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data!.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDateTime(s.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{formatDateTime(s.lastSeenAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {s.ip} {s.userAgent?.slice(0, 60)}
                </Table.Td>
                <Table.Td>
                  {s.current ? (
                    <Badge>{t('account.current')}</Badge>
                  ) : s.revokedAt ? (
                    <Badge color="gray">{t('account.revoked')}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => revoke.mutate(s.id)}
                      aria-label={`${t('account.revoke')}: ${s.ip ?? ''} ${formatDateTime(s.createdAt, i18n.language)}`}
                    >
                      {t('account.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ApiTokens />
    </Stack>
  );
}
