import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { serviceModels, tracks, type ServiceModel, type Track } from '../../../core/statement/model';
import { useCloudServices, useCreateCloudService } from '../../api/cloud-services';
import { ErrorAlert, Loading } from '../../components/status';
import { cloudServicesOf } from '../../nav';
import { activeMembership, useSession } from '../../session';
import { NextSteps } from './NextSteps';

/** The organization's cloud services; a first-time CSP sees the steps ahead instead of an empty table. */
export function ServiceList() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const org = session ? cloudServicesOf(session) : undefined;
  const q = useCloudServices();
  const services = q.data?.services ?? [];
  // Editors and admins of the CSP create services (cloudServiceCreatePolicy); the server decides in the end.
  const role = session ? activeMembership(session)?.role : undefined;
  const canCreate = !!org && (role === 'editor' || role === 'admin');
  const name = (n: { ja?: string | null; en?: string | null }) =>
    i18n.language === 'ja' ? n.ja || n.en : n.en || n.ja;
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('services.title')}</Title>
      <Text>{t('services.intro')}</Text>
      {q.isLoading && <Loading />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && services.length === 0 && (
        <NextSteps
          title={t('empty.servicesTitle')}
          text={t('empty.servicesText')}
          steps={[
            { key: 'stepCreate', done: false },
            { key: 'stepScope', done: false },
            { key: 'stepStatement', done: false },
            { key: 'stepImport', done: false },
            { key: 'stepInvite', done: false, to: org ? `/organizations/${org.id}` : undefined },
          ]}
        />
      )}
      {services.length > 0 && (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table striped aria-label={t('services.listLabel')} data-testid="service-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('services.name')}</Table.Th>
                <Table.Th>{t('services.model')}</Table.Th>
                <Table.Th>{t('services.track')}</Table.Th>
                <Table.Th>{t('services.owners')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {services.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/services/${s.id}`}>
                      {name(s.name)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`services.modelLabel.${s.model}`)}</Table.Td>
                  <Table.Td>{t(`services.trackLabel.${s.track}`)}</Table.Td>
                  <Table.Td>{s.owners.length || t('services.noOwners')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canCreate && <CreateService />}
    </Stack>
  );
}

function CreateService() {
  const { t } = useTranslation();
  const create = useCreateCloudService();
  const navigate = useNavigate();
  const [ja, setJa] = useState('');
  const [en, setEn] = useState('');
  const [model, setModel] = useState<ServiceModel>('saas');
  const [track, setTrack] = useState<Track>('ismap');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: { ja: ja.trim(), en: en.trim() }, model, track },
      { onSuccess: (s) => navigate(`/services/${s.id}`) },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="new-service">
      <Title order={3} size="h4" id="new-service" mb="sm">
        {t('services.new')}
      </Title>
      <form onSubmit={submit} data-testid="create-service">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('services.nameJa')}
              lang="ja"
              required
              value={ja}
              onChange={(e) => setJa(e.currentTarget.value)}
              name="nameJa"
            />
            <TextInput
              label={t('services.nameEn')}
              lang="en"
              required
              value={en}
              onChange={(e) => setEn(e.currentTarget.value)}
              name="nameEn"
            />
            <Select
              label={t('services.model')}
              data={serviceModels.map((m) => ({ value: m, label: t(`services.modelLabel.${m}`) }))}
              value={model}
              allowDeselect={false}
              onChange={(v) => v && setModel(v as ServiceModel)}
              data-testid="create-model"
            />
            <Select
              label={t('services.track')}
              data={tracks.map((m) => ({ value: m, label: t(`services.trackLabel.${m}`) }))}
              value={track}
              allowDeselect={false}
              onChange={(v) => v && setTrack(v as Track)}
              data-testid="create-track"
            />
          </SimpleGrid>
          {create.error && <ErrorAlert error={create.error} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('services.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
