import { Anchor, Badge, Button, Drawer, Group, Menu, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useCloudService } from '../../api/cloud-services';
import { useMembers } from '../../api/organizations';
import {
  blockersCsvHref,
  statementPdfHref,
  statementXlsxHref,
  useBulkItems,
  useEvidenceFreshness,
  useReadiness,
  useStatement,
  useStatementItems,
  useTransitionStatement,
  useUpdateStatement,
} from '../../api/statements';
import { ErrorAlert, Loading } from '../../components/status';
import { EditorView, markDataArrived } from './EditorView';
import { ImportWorkbook } from './ImportWorkbook';
import { ItemPanelContainer } from './ItemPanelContainer';
import { ReadinessDashboard } from './ReadinessDashboard';
import { StatementDetails } from './StatementDetails';
import { RemediationTab } from '../remediation/RemediationTab';
import { BlockerRemediation } from '../remediation/BlockerRemediation';
import { EvidenceWarnings } from './EvidenceWarnings';
import { withFreshness } from './freshness';

type Tab = 'editor' | 'readiness' | 'remediation' | 'details' | 'import';

/** One statement: the editor, the readiness dashboard and the statement's own details, under one header. */
export function StatementPage({ tab }: { tab: Tab }) {
  const { t, i18n } = useTranslation();
  const { statementId = '' } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const st = useStatement(statementId);
  const service = useCloudService(st.data?.serviceId ?? '');
  const members = useMembers(st.data?.orgId ?? '', !!st.data);
  const transition = useTransitionStatement(statementId);
  if (st.isLoading) return <Loading />;
  if (st.error || !st.data) return <ErrorAlert error={st.error} />;
  const s = st.data;
  const mode = s.editMode;
  const serviceName =
    (i18n.language === 'ja' ? s.serviceName.ja || s.serviceName.en : s.serviceName.en || s.serviceName.ja) ?? '';
  const memberList = (members.data?.members ?? []).map((m) => ({ userId: m.userId, displayName: m.displayName }));
  const base = `/statements/${statementId}`;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2}>{t('statement.title', { service: serviceName })}</Title>
          <Group gap="xs">
            <Badge variant="light" data-testid="statement-state">
              {t(`statement.stateLabel.${s.state}`)}
            </Badge>
            <Badge variant="outline" className="mono" style={{ textTransform: 'none' }}>
              {s.catalog}:{s.edition}
            </Badge>
            <Text size="sm" className="mono">
              {s.period ? `${s.period.start} – ${s.period.end}` : t('statement.noPeriod')}
            </Text>
            <Anchor component={Link} to={`${base}/readiness`} size="sm" data-testid="header-percent">
              {t('readiness.percent', { percent: s.readiness.total.percent })}
            </Anchor>
            <Anchor component={Link} to={`/services/${s.serviceId}`} size="sm">
              {serviceName}
            </Anchor>
          </Group>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={statementXlsxHref(statementId)}
            variant="default"
            size="xs"
            data-testid="export-xlsx"
          >
            {t('statement.exportXlsx')}
          </Button>
          <Button
            component="a"
            href={statementPdfHref(statementId, i18n.language)}
            variant="default"
            size="xs"
            data-testid="report-pdf"
          >
            {t('statement.reportPdf')}
          </Button>
          <Button component="a" href={blockersCsvHref(statementId)} variant="default" size="xs">
            {t('statement.blockersCsv')}
          </Button>
          <Button
            component={Link}
            to={`/services/import-soa?service=${s.serviceId}&statement=${statementId}`}
            variant="default"
            size="xs"
            data-testid="gap-analysis"
          >
            {t('statement.importSoa')}
          </Button>
          {s.abilities.transition && s.transitions.length > 0 && (
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="light" loading={transition.isPending} data-testid="transition">
                  {t('statement.changeState')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {s.transitions.map((to) => (
                  <Menu.Item key={to} onClick={() => transition.mutate({ to })} data-to={to}>
                    {t('statement.transitionTo', { state: t(`statement.stateLabel.${to}`) })}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {transition.error && <ErrorAlert error={transition.error} />}
      {mode === 'frozen' && (
        <Text size="sm" fw={600}>
          {t('statement.frozen', { state: t(`statement.stateLabel.${s.state}`) })}
        </Text>
      )}
      <Tabs
        value={tab}
        onChange={(v) => v && navigate(v === 'editor' ? `${base}${tab === 'editor' ? search : ''}` : `${base}/${v}`)}
      >
        <Tabs.List>
          <Tabs.Tab value="editor">{t('statement.editor')}</Tabs.Tab>
          <Tabs.Tab value="readiness">{t('statement.dashboard')}</Tabs.Tab>
          <Tabs.Tab value="remediation">{t('remediation.tab')}</Tabs.Tab>
          <Tabs.Tab value="details">{t('statement.header')}</Tabs.Tab>
          <Tabs.Tab value="import">{t('statement.importXlsx')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'editor' && (
        <EditorTab
          statementId={statementId}
          members={memberList}
          readOnly={mode === 'frozen' || !s.abilities.edit}
          needsReason={mode === 'recorded_change'}
          underlying={service.data?.scope.underlying ?? []}
        />
      )}
      {tab === 'readiness' && <ReadinessTab statementId={statementId} />}
      {tab === 'remediation' && <RemediationTab statementId={statementId} />}
      {tab === 'import' && (
        <ImportWorkbook
          statementId={statementId}
          readOnly={mode === 'frozen' || !s.abilities.edit}
          needsReason={mode === 'recorded_change'}
        />
      )}
      {tab === 'details' && (
        <DetailsTab
          statementId={statementId}
          readOnly={mode === 'frozen' || !s.abilities.edit}
          needsReason={mode === 'recorded_change'}
        />
      )}
    </Stack>
  );
}

function EditorTab(p: {
  statementId: string;
  members: { userId: string; displayName: string }[];
  readOnly: boolean;
  needsReason: boolean;
  underlying: readonly { id: string; name: string; registrationNumber: string | null }[];
}) {
  const { t } = useTranslation();
  const items = useStatementItems(p.statementId, markDataArrived);
  const freshness = useEvidenceFreshness(p.statementId);
  const bulk = useBulkItems(p.statementId);
  const [done, setDone] = useState<number | null>(null);
  const [changeReason, setChangeReason] = useState('');
  const ownersRef = useRef<readonly string[]>([]);
  const renderItem = useCallback(
    (id: string, close: () => void) => (
      <Drawer
        opened
        onClose={close}
        position="right"
        size="min(1100px, 100%)"
        title={
          <Title order={3} size="h4">
            {t('item.panel', { id })}
          </Title>
        }
        closeButtonProps={{ 'aria-label': t('item.close') }}
      >
        <ItemPanelContainer
          statementId={p.statementId}
          itemId={id}
          owners={ownersRef.current}
          underlying={p.underlying}
          readOnly={p.readOnly}
          changeReason={p.needsReason ? { value: changeReason, onChange: setChangeReason } : undefined}
          onClose={close}
        />
      </Drawer>
    ),
    [p.statementId, p.underlying, p.readOnly, p.needsReason, changeReason, t],
  );
  const rows = useMemo(() => withFreshness(items.data?.items, freshness.data), [items.data, freshness.data]);
  const owners = useMemo(
    () =>
      [
        ...new Set([
          ...p.members.map((m) => m.displayName),
          ...(rows ?? []).flatMap((r) => (r.owner ? [r.owner] : [])),
        ]),
      ].sort(),
    [p.members, rows],
  );
  ownersRef.current = owners;
  if (items.isLoading) return <Loading />;
  if (items.error || !rows) return <ErrorAlert error={items.error} />;
  return (
    <EditorView
      rows={rows}
      owners={owners}
      readOnly={p.readOnly}
      bulkBusy={bulk.isPending}
      onBulk={(itemIds, set) =>
        bulk
          .mutateAsync({ itemIds, set, ...(p.needsReason ? { changeReason } : {}) })
          .then(() => setDone(itemIds.length))
      }
      renderItem={renderItem}
      notice={
        <>
          {bulk.error && <ErrorAlert error={bulk.error} />}
          {done !== null && !bulk.error && (
            <Text role="status" size="sm" c="teal.9" data-testid="bulk-done">
              {t('editor.bulkDone', { count: done })}
            </Text>
          )}
        </>
      }
    />
  );
}

function ReadinessTab({ statementId }: { statementId: string }) {
  const r = useReadiness(statementId);
  if (r.isLoading) return <Loading />;
  if (r.error || !r.data) return <ErrorAlert error={r.error} />;
  return (
    <ReadinessDashboard
      statementId={statementId}
      summary={r.data.summary}
      blockers={r.data.blockers}
      warnings={<EvidenceWarnings statementId={statementId} />}
      blockerActions={<BlockerRemediation statementId={statementId} blockers={r.data.blockers} />}
    />
  );
}

function DetailsTab({
  statementId,
  readOnly,
  needsReason,
}: {
  statementId: string;
  readOnly: boolean;
  needsReason: boolean;
}) {
  const { t } = useTranslation();
  const st = useStatement(statementId);
  const update = useUpdateStatement(statementId);
  const [saved, setSaved] = useState(false);
  const s = st.data!;
  return (
    <Stack>
      {update.error && <ErrorAlert error={update.error} />}
      {saved && !update.error && (
        <Text role="status" size="sm" c="teal.9" data-testid="details-saved">
          {t('statement.savedHeader')}
        </Text>
      )}
      <StatementDetails
        key={s.version}
        initial={s}
        readOnly={readOnly}
        needsReason={needsReason}
        saving={update.isPending}
        onSave={(f, changeReason) => {
          setSaved(false);
          update.mutate(
            { version: s.version, ...f, ...(changeReason ? { changeReason } : {}) },
            { onSuccess: () => setSaved(true) },
          );
        }}
      />
    </Stack>
  );
}
