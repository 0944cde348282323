import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useResetPassword, useSetUserDisabled, useUsers, type User } from '../api/users';
import { ErrorAlert, Loading } from '../components/status';
import { formatDateTime } from '../i18n/format';

export function Users() {
  const { t, i18n } = useTranslation();
  const q = useUsers();
  const [opened, { open, close }] = useDisclosure(false);
  const toggle = useSetUserDisabled();
  const [resetFor, setResetFor] = useState<User | null>(null);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={open}>{t('users.create')}</Button>
      </Group>
      <Table.ScrollContainer minWidth={640} type="native" tabIndex={0}>
        <Table striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('users.displayName')}</Table.Th>
              <Table.Th>{t('users.created')}</Table.Th>
              <Table.Th />
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data!.users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td className="mono">{u.email}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{formatDateTime(u.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {u.isPlatformAdmin && <Badge>{t('users.platformAdmin')}</Badge>}
                  {u.disabledAt && <Badge color="gray">{t('users.disabled')}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {u.abilities?.disable && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color={u.disabledAt ? 'blue' : 'red'}
                        onClick={() =>
                          (u.disabledAt || window.confirm(t('users.disableConfirm', { email: u.email }))) &&
                          toggle.mutate({ id: u.id, disable: !u.disabledAt })
                        }
                      >
                        {u.disabledAt ? t('users.enable') : t('users.disable')}
                      </Button>
                    )}
                    {u.abilities?.resetPassword && (
                      <Button size="xs" variant="subtle" onClick={() => setResetFor(u)}>
                        {t('users.resetPassword')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {toggle.error && <ErrorAlert error={toggle.error} />}
      <Modal opened={opened} onClose={close} title={t('users.create')}>
        <CreateUser onDone={close} />
      </Modal>
      <Modal
        opened={!!resetFor}
        onClose={() => setResetFor(null)}
        title={`${t('users.resetPassword')}: ${resetFor?.email ?? ''}`}
      >
        {resetFor && <ResetPassword user={resetFor} />}
      </Modal>
    </Stack>
  );
}

function CreateUser({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ email: '', displayName: '', password: '', isPlatformAdmin: false });
  const m = useCreateUser();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(form, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {m.error && <ErrorAlert error={m.error} />}
        <TextInput
          label={t('auth.email')}
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
        />
        <TextInput
          label={t('users.displayName')}
          required
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
        />
        <PasswordInput
          label={t('users.initialPassword')}
          required
          minLength={12}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
        />
        <Checkbox
          label={t('users.platformAdmin')}
          checked={form.isPlatformAdmin}
          onChange={(e) => setForm({ ...form, isPlatformAdmin: e.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('orgs.cancel')}
          </Button>
          <Button type="submit" loading={m.isPending}>
            {t('orgs.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResetPassword({ user }: { user: User }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const m = useResetPassword(user.id);
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate(password);
      }}
    >
      <Stack>
        {m.error && <ErrorAlert error={m.error} />}
        {m.data && <Text role="status">{t('users.passwordReset', { count: m.data.revokedSessions })}</Text>}
        <PasswordInput
          label={t('users.newPassword')}
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={m.isPending} disabled={!!m.data}>
          {t('users.resetPassword')}
        </Button>
      </Stack>
    </form>
  );
}
