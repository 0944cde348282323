import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCatalogs } from '../../api/catalogs';
import { ApiError } from '../../api/client';
import { useCloudService, useUpdateCloudService } from '../../api/cloud-services';
import { useMembers } from '../../api/organizations';
import { useCreateStatement, useServiceStatements } from '../../api/statements';
import { ErrorAlert, Loading } from '../../components/status';
import { NextSteps } from './NextSteps';
import { ConflictNotice, ScopeEditor, type ServiceForm } from './ScopeEditor';

const scopeIsEmpty = (s: ServiceForm['scope']) =>
  s.subServices.length === 0 &&
  s.underlying.length === 0 &&
  s.regions.length === 0 &&
  !s.systemOverview.ja &&
  !s.systemOverview.en;

/** One cloud service: its statements (and a new one), and the scope of the statement. */
export function ServicePage() {
  const { t, i18n } = useTranslation();
  const { serviceId = '' } = useParams();
  const q = useCloudService(serviceId);
  const statements = useServiceStatements(serviceId);
  const update = useUpdateCloudService(serviceId);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const s = q.data;
  const members = useMembers(s?.orgId ?? '', !!s);
  if (q.isLoading) return <Loading />;
  if (q.error || !s) return <ErrorAlert error={q.error} />;
  const name = (i18n.language === 'ja' ? s.name.ja || s.name.en : s.name.en || s.name.ja) ?? '';
  const list = statements.data?.statements ?? [];
  const memberList = (members.data?.members ?? []).map((m) => ({ userId: m.userId, displayName: m.displayName }));
  const conflict = update.error instanceof ApiError && update.error.status === 409;
  return (
    <Stack maw={1100}>
      <Group gap="sm">
        <Title order={2}>{name}</Title>
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {t(`services.modelLabel.${s.model}`)}
        </Badge>
        <Badge variant="outline" style={{ textTransform: 'none' }}>
          {t(`services.trackLabel.${s.track}`)}
        </Badge>
      </Group>
      {statements.data && list.length === 0 && (
        <NextSteps
          title={t('empty.statementsTitle')}
          text={
            scopeIsEmpty(s.scope) ? `${t('empty.statementsText')} ${t('empty.noScope')}` : t('empty.statementsText')
          }
          steps={[
            { key: 'stepCreate', done: true },
            { key: 'stepScope', done: !scopeIsEmpty(s.scope), to: '#scope' },
            { key: 'stepStatement', done: false, to: '#new-statement' },
            { key: 'stepImport', done: false, to: `/services/import-soa?service=${s.id}` },
            { key: 'stepInvite', done: false, to: `/organizations/${s.orgId}` },
          ]}
        />
      )}
      <Card withBorder component="section" aria-labelledby="statements-title">
        <Title order={3} size="h4" id="statements-title" mb="sm">
          {t('services.statements')}
        </Title>
        {statements.error && <ErrorAlert error={statements.error} />}
        {list.length > 0 && (
          <Table.ScrollContainer minWidth={560} type="native">
            <Table data-testid="statement-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('statement.catalog')}</Table.Th>
                  <Table.Th>{t('statement.period')}</Table.Th>
                  <Table.Th>{t('statement.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((st) => (
                  <Table.Tr key={st.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/statements/${st.id}`} className="mono">
                        {st.catalog}:{st.edition}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="mono">
                      {st.period ? `${st.period.start} – ${st.period.end}` : t('statement.noPeriod')}
                    </Table.Td>
                    <Table.Td>{t(`statement.stateLabel.${st.state}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {s.abilities.createStatement && <CreateStatement serviceId={serviceId} />}
      </Card>
      <Card withBorder component="section" aria-labelledby="scope" id="scope-section">
        <Title order={3} size="h4" id="scope" mb="xs">
          {t('scope.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('scope.intro')}
        </Text>
        {conflict && (
          <ConflictNotice
            onReload={() => {
              update.reset();
              void q.refetch().then(() => setFormKey((k) => k + 1));
            }}
          />
        )}
        {update.error && !conflict && <ErrorAlert error={update.error} />}
        {saved && !update.error && (
          <Text role="status" size="sm" c="teal.9" data-testid="scope-saved">
            {t('scope.saved')}
          </Text>
        )}
        <ScopeEditor
          key={`${s.id}-${formKey}`}
          initial={{ name: s.name, model: s.model, track: s.track, scope: s.scope, owners: s.owners }}
          members={memberList}
          readOnly={!s.abilities.update}
          saving={update.isPending}
          newId={() => `svc-${crypto.randomUUID().slice(0, 8)}`}
          onSave={(f) => {
            setSaved(false);
            update.mutate(
              {
                version: s.version,
                name: f.name as { ja: string; en: string },
                model: f.model,
                track: f.track,
                scope: f.scope,
                owners: f.owners,
              },
              { onSuccess: () => setSaved(true) },
            );
          }}
        />
      </Card>
    </Stack>
  );
}

function CreateStatement({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const catalogs = useCatalogs();
  const create = useCreateStatement(serviceId);
  const navigate = useNavigate();
  const editions = (catalogs.data?.editions ?? []).filter((e) => e.catalog === 'ismap');
  const newest = editions.find((e) => e.newest)?.edition ?? editions[0]?.edition ?? '';
  const [edition, setEdition] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { catalog: 'ismap', edition: edition ?? newest, ...(start && end ? { period: { start, end } } : {}) },
      { onSuccess: (st) => navigate(`/statements/${st.id}`) },
    );
  };
  return (
    <form onSubmit={submit} data-testid="create-statement">
      <Title order={4} size="h5" mt="md" mb="xs" id="new-statement">
        {t('statement.new')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('statement.catalog')}
          data={editions.map((e) => ({ value: e.edition, label: `ismap ${e.edition}` }))}
          value={edition ?? newest}
          allowDeselect={false}
          onChange={setEdition}
        />
        <TextInput
          type="date"
          label={t('statement.periodStart')}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          data-testid="new-period-start"
        />
        <TextInput
          type="date"
          label={t('statement.periodEnd')}
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          data-testid="new-period-end"
        />
      </SimpleGrid>
      {create.error && <ErrorAlert error={create.error} />}
      <Button type="submit" mt="sm" loading={create.isPending} disabled={!newest}>
        {t('statement.create')}
      </Button>
    </form>
  );
}
