import { Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput, Title, Card } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import {
  useMembers,
  useOrganization,
  useRemoveMember,
  useRenameOrganization,
  useChangeMemberRole,
  type Role,
} from '../api/organizations';
import { OrganizationInvitations } from './OrganizationInvitations';
import { useSetOrganizationMfa } from '../api/mfa';
import { OrganizationSso } from './OrganizationSso';
import { useReauth } from './mfa/ReauthModal';
import { ErrorAlert, Loading } from '../components/status';

const roleOptions = ['admin', 'editor', 'viewer'] as const;

export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const org = useOrganization(id);
  const members = useMembers(id, !!org.data);
  // Existing members' roles change directly; new people are invited (OrganizationInvitations) and must accept.
  const setRole = useChangeMemberRole(id);
  const remove = useRemoveMember(id);
  const rename = useRenameOrganization(id);
  const requireMfa = useSetOrganizationMfa(id);
  // Changing the MFA requirement needs a recent proof of identity: a stale session is asked for it, then retried.
  const reauth = useReauth();
  const [mfaError, setMfaError] = useState<unknown>(null);
  const [names, setNames] = useState<{ nameJa: string; nameEn: string } | null>(null);

  if (org.isLoading) return <Loading />;
  if (org.error) return <ErrorAlert error={org.error} />;
  const o = org.data!;
  const canManage = o.abilities.manageMembers;

  return (
    <Stack maw={1000}>
      <Group>
        <Title order={2}>{i18n.language === 'ja' ? o.nameJa : o.nameEn}</Title>
        <Badge variant="light">{t(`orgKind.${o.kind}`)}</Badge>
      </Group>
      {o.abilities.update && (
        <Card withBorder maw={800}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (names) rename.mutate(names);
            }}
          >
            <Group align="flex-end">
              <TextInput
                label={t('orgs.nameJa')}
                value={names?.nameJa ?? o.nameJa}
                onChange={(e) => setNames({ nameJa: e.currentTarget.value, nameEn: names?.nameEn ?? o.nameEn })}
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('orgs.nameEn')}
                value={names?.nameEn ?? o.nameEn}
                onChange={(e) => setNames({ nameJa: names?.nameJa ?? o.nameJa, nameEn: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="light" disabled={!names} loading={rename.isPending}>
                {t('orgs.rename')}
              </Button>
            </Group>
            {rename.isSuccess && (
              <Text size="sm" c="green.9" mt={4} role="status">
                {t('orgs.updated')}
              </Text>
            )}
            {rename.error && <ErrorAlert error={rename.error} />}
          </form>
          <Switch
            mt="md"
            label={t('mfa.orgRequire')}
            description={t('mfa.orgRequireHelp')}
            checked={o.requireMfa}
            disabled={requireMfa.isPending}
            onChange={(e) => {
              const required = e.currentTarget.checked;
              setMfaError(null);
              reauth.run(() => requireMfa.mutateAsync(required)).catch((err: unknown) => setMfaError(err));
            }}
          />
          {!!mfaError && <ErrorAlert error={mfaError} />}
          {reauth.modal}
        </Card>
      )}
      <Title order={3} size="h4">
        {t('orgs.members')}
      </Title>
      {(setRole.error || remove.error) && <ErrorAlert error={setRole.error ?? remove.error} />}
      {members.isLoading ? (
        <Loading />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('users.displayName')}</Table.Th>
              <Table.Th>{t('orgs.role')}</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data?.members.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td className="mono">{m.email}</Table.Td>
                <Table.Td>{m.displayName}</Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Select
                      size="xs"
                      w={140}
                      aria-label={`${t('orgs.role')}: ${m.email}`}
                      allowDeselect={false}
                      value={m.role}
                      onChange={(v) => v && setRole.mutate({ userId: m.userId, role: v as Role })}
                      data={roleOptions.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    />
                  ) : (
                    t(`role.${m.role}`)
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      onClick={() =>
                        window.confirm(t('orgs.removeConfirm', { email: m.email })) && remove.mutate(m.userId)
                      }
                    >
                      {t('orgs.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canManage && <OrganizationInvitations orgId={id} />}
      {o.abilities.update && <OrganizationSso orgId={id} />}
    </Stack>
  );
}
