import { Badge, Button, Checkbox, Group, Modal, PasswordInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorAlert, Loading } from '../components/status';
import { formatDateTime } from '../i18n/format';

interface UserRow {
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
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={opened} onClose={close} title={t('users.create')}>
        <CreateUser onDone={close} />
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
