import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCatalogs } from '../../api/catalogs';
import { useCloudServices } from '../../api/cloud-services';
import { useCreateStatement, useServiceStatements } from '../../api/statements';
import { ErrorAlert, Loading } from '../../components/status';

const nameOf = (n: { ja?: string | null; en?: string | null }, lang: string) =>
  (lang === 'ja' ? n.ja || n.en : n.en || n.ja) ?? '';

/**
 * Step 1a: which statement the file is imported into. A service without a statement gets one here (the newest
 * edition of the ISMAP Control Criteria), so the empty workspace leads straight to the import.
 */
export function StatementChooser(p: {
  serviceId: string;
  statementId: string;
  onChange: (serviceId: string, statementId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const services = useCloudServices();
  const statements = useServiceStatements(p.serviceId);
  const catalogs = useCatalogs();
  const create = useCreateStatement(p.serviceId);
  if (services.isLoading) return <Loading />;
  if (services.error) return <ErrorAlert error={services.error} />;
  const list = services.data?.services ?? [];
  if (list.length === 0)
    return (
      <Text size="sm">
        {t('gap.noServices')}{' '}
        <Anchor component={Link} to="/services">
          {t('gap.addService')}
        </Anchor>
      </Text>
    );
  const service = list.find((s) => s.id === p.serviceId);
  const sts = p.serviceId ? (statements.data?.statements ?? []) : [];
  const editions = (catalogs.data?.editions ?? []).filter((e) => e.catalog === 'ismap');
  const newest = editions.find((e) => e.newest)?.edition ?? editions[0]?.edition ?? '';
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('gap.service')}
          placeholder={t('gap.chooseService')}
          data={list.map((s) => ({ value: s.id, label: nameOf(s.name, i18n.language) }))}
          value={p.serviceId || null}
          onChange={(v) => p.onChange(v ?? '', '')}
          allowDeselect={false}
          w={{ base: '100%', sm: 300 }}
          data-testid="gap-service"
        />
        {p.serviceId && sts.length > 0 && (
          <Select
            label={t('gap.statement')}
            placeholder={t('gap.chooseStatement')}
            data={sts.map((s) => ({
              value: s.id,
              label: `${s.catalog}:${s.edition} · ${s.period ? `${s.period.start} – ${s.period.end}` : t('statement.noPeriod')} · ${t(`statement.stateLabel.${s.state}`)}`,
            }))}
            value={p.statementId || null}
            onChange={(v) => p.onChange(p.serviceId, v ?? '')}
            allowDeselect={false}
            w={{ base: '100%', sm: 420 }}
            data-testid="gap-statement"
          />
        )}
      </Group>
      {statements.error && <ErrorAlert error={statements.error} />}
      {p.serviceId && statements.data && sts.length === 0 && (
        <Group gap="sm" wrap="wrap">
          <Text size="sm">{t('gap.noStatements')}</Text>
          {service?.abilities['createStatement'] && newest && (
            <Button
              size="xs"
              variant="light"
              loading={create.isPending}
              data-testid="gap-create-statement"
              onClick={() =>
                create.mutate(
                  { catalog: 'ismap', edition: newest },
                  { onSuccess: (st) => p.onChange(p.serviceId, st.id) },
                )
              }
            >
              {t('gap.createStatement', { edition: newest })}
            </Button>
          )}
        </Group>
      )}
      {create.error && <ErrorAlert error={create.error} />}
    </Stack>
  );
}
