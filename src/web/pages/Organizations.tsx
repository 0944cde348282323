import { Badge, Button, Group, Modal, Select, Stack, Table, TextInput, Title, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCreateOrganization, useOrganizations, type OrgKind } from '../api/organizations';
import { ErrorAlert, Loading } from '../components/status';
import { useSession } from '../session';

const kinds: OrgKind[] = ['csp', 'audit_firm', 'secretariat', 'committee', 'agency'];

export function Organizations() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const q = useOrganizations();
  const [opened, { open, close }] = useDisclosure(false);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const orgs = q.data!.organizations;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('orgs.title')}</Title>
        {session?.abilities.createOrganization && <Button onClick={open}>{t('orgs.create')}</Button>}
      </Group>
      {orgs.length === 0 ? (
        <Text>{t('orgs.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native" tabIndex={0}>
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgs.slug')}</Table.Th>
                <Table.Th>{i18n.language === 'ja' ? t('orgs.nameJa') : t('orgs.nameEn')}</Table.Th>
                <Table.Th>{t('orgs.kind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orgs.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td className="mono">
                    <Link to={`/organizations/${o.id}`}>{o.slug}</Link>
                  </Table.Td>
                  <Table.Td>{i18n.language === 'ja' ? o.nameJa : o.nameEn}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`orgKind.${o.kind}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened} onClose={close} title={t('orgs.create')}>
        <CreateOrganization onDone={close} />
      </Modal>
    </Stack>
  );
}

function CreateOrganization({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<{ kind: OrgKind; slug: string; nameJa: string; nameEn: string }>({
    kind: 'csp',
    slug: '',
    nameJa: '',
    nameEn: '',
  });
  const m = useCreateOrganization();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(form, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {m.error && <ErrorAlert error={m.error} />}
        <Select
          label={t('orgs.kind')}
          allowDeselect={false}
          value={form.kind}
          onChange={(v) => setForm({ ...form, kind: (v ?? 'csp') as OrgKind })}
          data={kinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
        />
        <TextInput
          label={t('orgs.slug')}
          required
          value={form.slug}
          onChange={(e) => setForm({ ...form, slug: e.currentTarget.value })}
        />
        <TextInput
          label={t('orgs.nameJa')}
          required
          value={form.nameJa}
          onChange={(e) => setForm({ ...form, nameJa: e.currentTarget.value })}
        />
        <TextInput
          label={t('orgs.nameEn')}
          required
          value={form.nameEn}
          onChange={(e) => setForm({ ...form, nameEn: e.currentTarget.value })}
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
