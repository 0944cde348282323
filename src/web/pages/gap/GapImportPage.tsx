import { Alert, Button, Card, Group, List, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  RELATIONSHIP_ORDER,
  useAcceptBulk,
  useDecideProposal,
  useGapImport,
  type GapImportDetail,
  type GapProposal,
} from '../../api/gap';
import { useMappingSets, type Relationship } from '../../api/mappings';
import { useStatement } from '../../api/statements';
import { RelBadge } from '../../components/catalog-bits';
import { frameworkOf, frameworkName } from '../../components/framework-name';
import { ErrorAlert, Loading } from '../../components/status';
import { DecideModal } from './DecideModal';
import { ProposalList } from './ProposalList';
import { Steps } from './Steps';

const rank = (r: string) => {
  const i = (RELATIONSHIP_ORDER as readonly string[]).indexOf(r);
  return i < 0 ? RELATIONSHIP_ORDER.length : i;
};
/** `9.2.3.11pb`, `A 9.2.3` and `a.9.2.3` all find their item. */
const squash = (s: string) => s.toLowerCase().replace(/[\s._\-()]/g, '');

/**
 * Step 4: an import's proposals grouped by composed relationship, each with its source row and mapping path. The
 * strong groups (equal, superset-of) are accepted in one bulk decision; every other proposal is decided on its own
 * with a note. Nothing reaches the statement without a decision.
 */
export function GapImportPage() {
  const { t, i18n } = useTranslation();
  const { importId = '' } = useParams();
  const q = useGapImport(importId);
  const sets = useMappingSets();
  const setTitles = useMemo(() => new Map((sets.data?.sets ?? []).map((s) => [s.id, s.title])), [sets.data]);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const imp = d.import;
  const all = d.groups.flatMap((g) => g.proposals);
  const count = (f: (p: GapProposal) => boolean) => all.filter(f).length.toLocaleString(i18n.language);
  return (
    <Stack maw={1200} data-testid="gap-import-page" data-import={imp.id}>
      <Steps current="proposals" skip={imp.kind === 'ssp' ? ['edition'] : []} />
      <Title order={2}>{t('gap.proposalsTitle', { file: imp.fileName })}</Title>
      <Card withBorder component="section" aria-labelledby="gap-summary-title">
        <Title order={3} size="h5" id="gap-summary-title" mb={4}>
          {t(`gap.kind.${imp.kind}`)}
        </Title>
        <Text size="sm">
          {t('gap.summary', {
            controls: imp.summary.controls.toLocaleString(i18n.language),
            source: frameworkOf(imp.sourceCatalog, i18n.language),
            proposals: imp.summary.proposals.toLocaleString(i18n.language),
            ismap: `${frameworkName('ismap', i18n.language)} ${imp.ismapEdition}`,
          })}
        </Text>
        {imp.summary.via.length > 0 && (
          <Text size="sm">
            {t('gap.via', { catalogs: imp.summary.via.map((c) => frameworkName(c, i18n.language)).join(', ') })}
          </Text>
        )}
        {imp.isoEdition === '2022' && (
          <Alert color="blue" mt="xs" data-testid="gap-correspondence" classNames={{ title: 'alert-title' }}>
            {t('gap.correspondence')}
          </Alert>
        )}
        {imp.summary.sets.length > 0 && (
          <>
            <Text size="sm" fw={600} mt="xs">
              {t('gap.setsUsed')}
            </Text>
            <List size="sm" data-testid="gap-sets">
              {imp.summary.sets.map((s) => (
                <List.Item key={s.id} data-method={s.method}>
                  {setTitles.get(s.id) ?? s.id} · {t(`mapping.method.${s.method}`, { defaultValue: s.method })}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Text size="sm" mt="xs" fw={600} data-testid="gap-decision-counts">
          {t('gap.decisions', {
            accepted: count((p) => p.decision === 'accepted' || p.decision === 'edited'),
            rejected: count((p) => p.decision === 'rejected'),
            undecided: count((p) => !p.decision),
          })}
        </Text>
        <Text size="sm">{t('gap.nothingApplied')}</Text>
      </Card>
      <Decisions detail={d} setTitles={setTitles} />
      <Group gap="sm" wrap="wrap">
        <Button component={Link} to={`/gap-imports/${imp.id}/report`} data-testid="gap-to-report">
          {t('gap.toReport')}
        </Button>
        <Button component={Link} to={`/statements/${imp.statementId}`} variant="default">
          {t('gap.openEditor')}
        </Button>
      </Group>
    </Stack>
  );
}

function Decisions({ detail, setTitles }: { detail: GapImportDetail; setTitles: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const imp = detail.import;
  const st = useStatement(imp.statementId);
  const bulk = useAcceptBulk(imp.id, imp.statementId);
  const decide = useDecideProposal(imp.id, imp.statementId);
  const [open, setOpen] = useState<GapProposal | null>(null);
  const [show, setShow] = useState<'all' | 'undecided'>('all');
  const [search, setSearch] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const mode = st.data?.editMode;
  const canDecide = detail.abilities.decide && mode !== undefined && mode !== 'frozen';
  const needsReason = mode === 'recorded_change';
  const onDecide = useCallback(
    (p: GapProposal) => {
      decide.reset();
      setOpen(p);
    },
    [decide],
  );
  const all = detail.groups.flatMap((g) => g.proposals);
  const bulkable = all.filter((p) => p.bulkAcceptable && !p.decision).length;
  const needle = squash(search.trim());
  const groups = [...detail.groups]
    .sort((a, b) => rank(a.relationship) - rank(b.relationship))
    .map((g) => ({
      ...g,
      shown: g.proposals.filter(
        (p) =>
          (show === 'all' || !p.decision) &&
          (!needle || squash(p.itemId).includes(needle) || squash(p.sourceId).includes(needle)),
      ),
    }));
  const shown = groups.reduce((n, g) => n + g.shown.length, 0);
  const n = (x: number) => x.toLocaleString(i18n.language);
  return (
    <Stack gap="md">
      {canDecide && (
        <Card withBorder component="section" aria-labelledby="gap-bulk-title" data-testid="gap-bulk">
          <Title order={3} size="h5" id="gap-bulk-title" mb="xs">
            {t('mapping.rel.equal')} / {t('mapping.rel.superset-of')}
          </Title>
          {needsReason && (
            <TextInput
              label={t('statement.changeReason')}
              description={t('statement.changeReasonHelp')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              maw={520}
              mb="xs"
            />
          )}
          {bulkable > 0 ? (
            <Group>
              <Button
                onClick={() =>
                  bulk.mutate(needsReason ? reason : undefined, {
                    onSuccess: (r) => setNotice(t('gap.bulkDone', { count: r.decided })),
                  })
                }
                loading={bulk.isPending}
                disabled={needsReason && !reason.trim()}
                data-testid="gap-accept-bulk"
              >
                {t('gap.bulkAccept', { count: bulkable })}
              </Button>
            </Group>
          ) : (
            <Text size="sm">{t('gap.bulkNone')}</Text>
          )}
          {bulk.error && <ErrorAlert error={bulk.error} />}
        </Card>
      )}
      {notice && (
        <Text role="status" size="sm" c="teal.9" fw={600} data-testid="gap-notice">
          {notice}
        </Text>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" fw={500} id="gap-filter-label">
            {t('gap.filter')}
          </Text>
          <SegmentedControl
            aria-labelledby="gap-filter-label"
            value={show}
            onChange={(v) => setShow(v as 'all' | 'undecided')}
            data={[
              { value: 'all', label: t('gap.filterAll') },
              { value: 'undecided', label: t('gap.filterUndecided') },
            ]}
            data-testid="gap-filter"
          />
        </Stack>
        <TextInput
          label={t('gap.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder="9.2.3.1, A.9.2.3, 5.15"
          w={{ base: '100%', sm: 260 }}
          data-testid="gap-search"
        />
        <Text size="sm" role="status" data-testid="gap-shown">
          {t('gap.shown', { shown: n(shown), total: n(all.length) })}
        </Text>
      </Group>
      {groups
        .filter((g) => g.proposals.length > 0)
        .map((g) => (
          <Card
            withBorder
            component="section"
            key={g.relationship}
            aria-labelledby={`gap-group-${g.relationship}`}
            data-testid="gap-group"
            data-rel={g.relationship}
          >
            <Group gap="xs" mb={4} wrap="wrap">
              <Title order={3} size="h5" id={`gap-group-${g.relationship}`}>
                <RelBadge rel={g.relationship as Relationship} />
              </Title>
              <Text size="sm">
                {t('gap.groupCount', {
                  count: g.proposals.length,
                  undecided: g.proposals.filter((p) => !p.decision).length,
                })}
              </Text>
            </Group>
            <Text size="sm" mb="xs">
              {t(`gap.groupHelp.${g.relationship}`, { defaultValue: '' })}
            </Text>
            <ProposalList
              relationship={g.relationship}
              proposals={g.shown}
              statementId={imp.statementId}
              fileName={imp.fileName}
              setTitles={setTitles}
              canDecide={canDecide}
              onDecide={onDecide}
            />
          </Card>
        ))}
      {open && (
        <DecideModal
          proposal={open}
          fileName={imp.fileName}
          setTitles={setTitles}
          busy={decide.isPending}
          error={decide.error}
          onClose={() => setOpen(null)}
          onDecide={(decision, note) => {
            const changeReason = note || (needsReason ? reason : '');
            decide.mutate(
              { proposalId: open.id, decision, ...(changeReason ? { changeReason } : {}) },
              {
                onSuccess: () => {
                  setNotice(
                    t('gap.decidedNotice', {
                      item: open.itemId,
                      decision: t(`gap.decision.${decision === 'accept' ? 'accepted' : 'rejected'}`),
                    }),
                  );
                  setOpen(null);
                },
              },
            );
          }}
        />
      )}
    </Stack>
  );
}
