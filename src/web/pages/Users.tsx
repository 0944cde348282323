import { Badge, Button, Checkbox, Group, Modal, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorAlert, Loading } from '../components/status';
import { formatDateTime } from '../i18n/format';

interface UserRow {
  abilities?: Record<string, boolean>;
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export function Users() {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['users'], queryFn: () => api<{ users: UserRow[] }>('GET', '/users') });
  const [opened, { open, close }] = useDisclosure(false);
  const qc = useQueryClient();
  const toggle = useMutation({ mutationFn: (v: { id: string; disable: boolean }) => api('POST', `/users/${v.id}/${v.disable ? 'disable' : 'enable'}`), onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }) });
  const [resetFor, setResetFor] = useState<UserRow | null>(null);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={open}>{t('users.create')}</Button>
      </Group>
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
                    <Button size="xs" variant="subtle" color={u.disabledAt ? 'blue' : 'red'} onClick={() => (u.disabledAt || window.confirm(t('users.disableConfirm', { email: u.email }))) && toggle.mutate({ id: u.id, disable: !u.disabledAt })}>
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
      {toggle.error && <ErrorAlert error={toggle.error} />}
      <Modal opened={opened} onClose={close} title={t('users.create')}>
        <CreateUser onDone={close} />
      </Modal>
      <Modal opened={!!resetFor} onClose={() => setResetFor(null)} title={`${t('users.resetPassword')}: ${resetFor?.email ?? ''}`}>
        {resetFor && <ResetPassword user={resetFor} />}
      </Modal>
    </Stack>
  );
}

function CreateUser({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState({ email: '', displayName: '', password: '', isPlatformAdmin: false });
  const m = useMutation({
    mutationFn: () => api('POST', '/users', form),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {m.error && <ErrorAlert error={m.error} />}
        <TextInput label={t('auth.email')} type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} />
        <TextInput label={t('users.displayName')} required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} />
        <PasswordInput label={t('users.initialPassword')} required minLength={12} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />
        <Checkbox label={t('users.platformAdmin')} checked={form.isPlatformAdmin} onChange={(e) => setForm({ ...form, isPlatformAdmin: e.currentTarget.checked })} />
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

function ResetPassword({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const m = useMutation({ mutationFn: () => api<{ revokedSessions: number }>('PUT', `/users/${user.id}/password`, { password }) });
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <Stack>
        {m.error && <ErrorAlert error={m.error} />}
        {m.data && <Text role="status">{t('users.passwordReset', { count: m.data.revokedSessions })}</Text>}
        <PasswordInput label={t('users.newPassword')} required minLength={12} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Button type="submit" loading={m.isPending} disabled={!!m.data}>
          {t('users.resetPassword')}
        </Button>
      </Stack>
    </form>
  );
}
