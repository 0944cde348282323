import { Button, Drawer, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  remediationOscalHref,
  useMoveRemediation,
  useRemediationPlan,
  type RemediationEntry,
  type RemediationStatus,
} from '../../api/remediation';
import { useReadiness } from '../../api/statements';
import { ErrorAlert, Loading } from '../../components/status';
import { ImportPoam } from './ImportPoam';
import { MoveOutcome } from './MoveMenu';
import { RemediationBoard } from './RemediationBoard';
import { RemediationForm } from './RemediationForm';
import { RemediationList } from './RemediationList';
import { withPlanFilter } from './plan-filters';

type Done = { title: string; status: RemediationStatus; percent: number; count: number };

/**
 * A statement's remediation plan (改善計画, POA&M): the board by status or the filtered list (`?view=list`, filters in
 * the URL), the open item in a drawer (`?item=`), OSCAL export and import. A move answers with the statement's fresh
 * readiness, shown at once (and the readiness views refetch).
 */
export function RemediationTab({ statementId }: { statementId: string }) {
  const { t } = useTranslation();
  const plan = useRemediationPlan(statementId);
  const readiness = useReadiness(statementId);
  const move = useMoveRemediation(statementId);
  const [params, setParams] = useSearchParams();
  const [done, setDone] = useState<Done | null>(null);
  const [importing, setImporting] = useState(false);
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const openId = params.get('item');
  const setParam = (key: 'view' | 'item', value: string) =>
    setParams(withPlanFilter(new URLSearchParams(window.location.search), key, value));
  if (plan.isLoading) return <Loading />;
  if (plan.error || !plan.data) return <ErrorAlert error={plan.error} />;
  const items = plan.data.items;
  const abilities = plan.data.abilities;
  const doMove = (item: RemediationEntry, to: RemediationStatus) => {
    setDone(null);
    move.mutate(
      { id: item.id, body: { version: item.version, to } },
      {
        onSuccess: (r) =>
          setDone({
            title: r.item.title,
            status: r.item.status,
            percent: r.readiness.total.percent,
            count: r.readiness.blockerCount,
          }),
      },
    );
  };
  const busyId = move.isPending ? (move.variables?.id ?? null) : null;
  const outcome = <MoveOutcome error={move.error} done={done} />;
  const entry = openId && openId !== 'new' ? (items.find((i) => i.id === openId) ?? null) : null;
  const blockers = readiness.data?.blockers ?? [];
  return (
    <Stack gap="sm" data-testid="remediation-tab">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={3}>{t('remediation.title')}</Title>
          <Text size="sm">{t('remediation.help')}</Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {abilities.create && (
            <Button size="xs" onClick={() => setParam('item', 'new')} data-testid="new-remediation">
              {t('remediation.newItem')}
            </Button>
          )}
          {abilities.export && items.length > 0 && (
            <Button
              component="a"
              href={remediationOscalHref(statementId)}
              size="xs"
              variant="default"
              data-testid="export-poam"
            >
              {t('remediation.export')}
            </Button>
          )}
          {abilities.create && (
            <Button
              size="xs"
              variant="default"
              aria-expanded={importing}
              onClick={() => setImporting((v) => !v)}
              data-testid="import-poam"
            >
              {t('remediation.import')}
            </Button>
          )}
        </Group>
      </Group>
      {importing && <ImportPoam statementId={statementId} />}
      <Group gap="xs">
        <Text size="sm" id="remediation-view-label" fw={600}>
          {t('remediation.view')}
        </Text>
        <SegmentedControl
          aria-labelledby="remediation-view-label"
          value={view}
          onChange={(v) => setParam('view', v === 'list' ? 'list' : '')}
          data={[
            { value: 'board', label: t('remediation.board') },
            { value: 'list', label: t('remediation.list') },
          ]}
          data-testid="remediation-view"
        />
      </Group>
      {!openId && outcome}
      {items.length === 0 ? (
        <Text data-testid="remediation-empty">{t('remediation.empty')}</Text>
      ) : view === 'board' ? (
        <RemediationBoard items={items} busyId={busyId} onOpen={(id) => setParam('item', id)} onMove={doMove} />
      ) : (
        <RemediationList items={items} busyId={busyId} onOpen={(id) => setParam('item', id)} onMove={doMove} />
      )}
      {openId && (openId === 'new' || entry) && (
        <Drawer
          opened
          onClose={() => setParam('item', '')}
          position="right"
          size="min(720px, 100%)"
          title={
            <Title order={3} size="h4">
              {entry ? entry.title : t('remediation.newItem')}
            </Title>
          }
          closeButtonProps={{ 'aria-label': t('remediation.close') }}
        >
          <RemediationForm
            key={openId}
            statementId={statementId}
            entry={entry}
            blockers={blockers}
            canCreate={abilities.create}
            busy={!!entry && busyId === entry.id}
            moveOutcome={outcome}
            onMove={doMove}
            onCreated={(id) => setParam('item', id)}
            onDeleted={() => setParam('item', '')}
          />
        </Drawer>
      )}
    </Stack>
  );
}
