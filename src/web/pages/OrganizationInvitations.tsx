import { Alert, Button, Card, CopyButton, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateInvitation,
  useOrgInvitations,
  useRevokeInvitation,
  type CreatedInvitation,
  type Role,
} from '../api/invitations';
import { ErrorAlert } from '../components/status';
import { formatDate, formatDateTime } from '../i18n/format';

const roleOptions = ['admin', 'editor', 'viewer'] as const;

/**
 * Inviting people to an organization and the invitations still open. There is no e-mail delivery yet, so the link is
 * shown to the inviting admin once, to copy and send; the server keeps only a digest of its token.
 */
export function OrganizationInvitations({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const list = useOrgInvitations(orgId, true);
  const create = useCreateInvitation(orgId);
  const revoke = useRevokeInvitation(orgId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate({ email, role }, { onSuccess: (r) => (setCreated(r), setEmail('')) });
  };
  const link = created ? `${window.location.origin}${created.link}` : '';
  const invitations = list.data?.invitations ?? [];

  return (
    <Stack>
      <Card withBorder maw={760}>
        <form onSubmit={submit}>
          <Title order={3} size="h5" mb="xs">
            {t('invite.title')}
          </Title>
          <Group align="flex-end">
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Select
              label={t('orgs.role')}
              w={140}
              allowDeselect={false}
              value={role}
              onChange={(v) => setRole((v ?? 'viewer') as Role)}
              data={roleOptions.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            <Button type="submit" loading={create.isPending}>
              {t('invite.send')}
            </Button>
          </Group>
        </form>
        {create.error && <ErrorAlert error={create.error} />}
        {created && (
          <Alert color="blue" mt="sm" title={t('invite.sentTitle', { email: created.invitation.email })} role="status">
            <Text size="sm">
              {t('invite.linkNote', {
                email: created.invitation.email,
                date: formatDateTime(created.invitation.expiresAt, i18n.language),
              })}
            </Text>
            <Group mt="xs" wrap="nowrap">
              <TextInput
                aria-label={t('invite.link')}
                value={link}
                readOnly
                className="mono"
                style={{ flex: 1 }}
                data-testid="invite-link"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('invite.copied') : t('invite.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
      </Card>
      <Title order={3} size="h4">
        {t('invite.pending')}
      </Title>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {invitations.length === 0 ? (
        <Text c="dimmed">{t('invite.none')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('orgs.role')}</Table.Th>
              <Table.Th>{t('invite.invitedBy')}</Table.Th>
              <Table.Th>{t('invite.expires')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td className="mono">{inv.email}</Table.Td>
                <Table.Td>{t(`role.${inv.role}`)}</Table.Td>
                <Table.Td>{inv.invitedByName ?? '—'}</Table.Td>
                <Table.Td>{formatDate(inv.expiresAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {inv.abilities.revoke && (
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      onClick={() =>
                        window.confirm(t('invite.revokeConfirm', { email: inv.email })) && revoke.mutate(inv.id)
                      }
                    >
                      {t('invite.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
