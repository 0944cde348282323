import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useStatementGapImports } from '../../api/gap';
import { formatDateTime } from '../../i18n/format';
import { Steps } from './Steps';
import { StatementChooser } from './StatementChooser';
import { UploadWizard } from './UploadWizard';

/**
 * The gap analysis, steps 1–3: choose the statement and the file (SoA or SSP), confirm an SoA's ISO/IEC 27001
 * edition, see the dry run; importing leads to the proposals (GapImportPage). The service and statement chosen are
 * in the URL (`?service=&statement=`), so the editor and the empty workspace link here with them preselected.
 */
export function GapStartPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statementId = params.get('statement') ?? '';
  const serviceId = params.get('service') ?? '';
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('gap.title')}</Title>
      <Text size="sm">{t('gap.intro')}</Text>
      <Card withBorder component="section" aria-labelledby="gap-target">
        <Title order={3} size="h4" id="gap-target" mb="xs">
          {t('gap.step.file')}
        </Title>
        <StatementChooser
          serviceId={serviceId}
          statementId={statementId}
          onChange={(service, statement) => {
            const next = new URLSearchParams();
            if (service) next.set('service', service);
            if (statement) next.set('statement', statement);
            setParams(next, { replace: true });
          }}
        />
      </Card>
      {statementId ? (
        <>
          <UploadWizard key={statementId} statementId={statementId} />
          <EarlierImports statementId={statementId} />
        </>
      ) : (
        <Steps current="file" />
      )}
    </Stack>
  );
}

function EarlierImports({ statementId }: { statementId: string }) {
  const { t, i18n } = useTranslation();
  const q = useStatementGapImports(statementId);
  const list = q.data?.imports ?? [];
  if (list.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="gap-earlier" data-testid="gap-earlier">
      <Title order={3} size="h5" id="gap-earlier" mb="xs">
        {t('gap.earlier')}
      </Title>
      <List spacing={4}>
        {list.map((i) => (
          <List.Item key={i.id}>
            <Anchor component={Link} to={`/gap-imports/${i.id}`}>
              {i.fileName}
            </Anchor>{' '}
            <Text span size="sm">
              · {t(`gap.kind.${i.kind}`)} · {formatDateTime(i.createdAt, i18n.language)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
