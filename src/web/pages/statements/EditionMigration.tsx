import { Anchor, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCatalogs } from '../../api/catalogs';
import {
  useMarkAttention,
  useMigrateStatement,
  useMigrationAttention,
  type MigrationAttention,
  type MigrationPlan,
} from '../../api/statements';
import { NodeId } from '../../components/catalog-bits';
import { ErrorAlert, Loading } from '../../components/status';
import { formatDate } from '../../i18n/format';

const groups = ['added', 'removed', 'structure_changed', 'text_changed'] as const;

/**
 * Moving the statement to another edition of its catalog: pick the edition, preview the plan (a dry run: what is
 * carried and what needs attention), then apply it. Below, the attention list the last migration left, ticked off
 * item by item.
 */
export function EditionMigration(p: {
  statementId: string;
  catalog: string;
  edition: string;
  /** Only a draft or a statement ready for audit moves (the server refuses the others too). */
  canMigrate: boolean;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const catalogs = useCatalogs();
  const migrate = useMigrateStatement(p.statementId);
  const [target, setTarget] = useState<string | null>(null);
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const editions = (catalogs.data?.editions ?? []).filter((e) => e.catalog === p.catalog && e.edition !== p.edition);
  const chosen = target ?? editions[0]?.edition ?? null;
  const run = (dryRun: boolean) => {
    if (!chosen) return;
    setApplied(null);
    migrate.mutate(
      { edition: chosen, dryRun },
      {
        onSuccess: (r) => {
          if (r.applied) {
            setPlan(null);
            setApplied(r.to);
          } else setPlan(r);
        },
      },
    );
  };
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="migration-title" data-testid="edition-migration">
        <Stack gap="sm">
          <Title order={3} size="h4" id="migration-title">
            {t('editionMigration.title')}
          </Title>
          <Text size="sm">{t('editionMigration.intro')}</Text>
          <Text size="sm" className="mono">
            {t('editionMigration.current', { edition: `${p.catalog}:${p.edition}` })}
          </Text>
          {applied && (
            <Text role="status" size="sm" c="teal.9" fw={600} data-testid="migration-applied">
              {t('editionMigration.applied', { edition: applied })}
            </Text>
          )}
          {!p.canMigrate ? (
            <Text size="sm" fw={600}>
              {t('editionMigration.frozen')}
            </Text>
          ) : catalogs.isLoading ? (
            <Loading />
          ) : editions.length === 0 ? (
            <Text size="sm">{t('editionMigration.noTarget')}</Text>
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('editionMigration.target')}
                  data={editions.map((e) => ({ value: e.edition, label: `${e.catalog} ${e.edition}` }))}
                  value={chosen}
                  onChange={(v) => {
                    setTarget(v);
                    setPlan(null);
                  }}
                  allowDeselect={false}
                  data-testid="migration-target"
                />
              </SimpleGrid>
              <Group gap="xs">
                <Button
                  variant="default"
                  onClick={() => run(true)}
                  loading={migrate.isPending && !plan}
                  data-testid="migration-preview"
                >
                  {t('editionMigration.preview')}
                </Button>
                {plan && plan.to === chosen && (
                  <Button onClick={() => run(false)} loading={migrate.isPending} data-testid="migration-apply">
                    {t('editionMigration.apply')}
                  </Button>
                )}
              </Group>
            </>
          )}
          {migrate.error && <ErrorAlert error={migrate.error} />}
          {plan && <PlanPreview plan={plan} />}
        </Stack>
      </Card>
      <AttentionList statementId={p.statementId} canEdit={p.canEdit} />
    </Stack>
  );
}

function PlanPreview({ plan }: { plan: MigrationPlan }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="migration-plan">
      <Title order={4} size="h5">
        {t('editionMigration.planTitle', { from: plan.from, to: plan.to })}
      </Title>
      <Text size="sm" data-testid="migration-carried">
        {t('editionMigration.carried', { count: plan.carried })}{' '}
        {plan.succession ? t('editionMigration.bySuccession', { set: plan.succession }) : t('editionMigration.byId')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {groups.map((g) => {
          const rows = plan.attention.filter((a) => a.reason === g);
          return (
            <Card key={g} withBorder padding="xs" data-testid={`plan-${g}`} data-count={rows.length}>
              <Text size="sm" fw={700}>
                {t(`editionMigration.group.${g}`)} ({rows.length})
              </Text>
              {rows.length === 0 ? (
                <Text size="sm">{t('editionMigration.none')}</Text>
              ) : (
                <ul className="plain-list" style={{ margin: 0, paddingInlineStart: '1.2em' }}>
                  {rows.slice(0, 50).map((a, i) => (
                    <li key={i}>
                      <ItemRef a={a} />
                    </li>
                  ))}
                  {rows.length > 50 && <li>…</li>}
                </ul>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function ItemRef({ a }: { a: Pick<MigrationAttention, 'itemId' | 'fromId'> }) {
  const { t } = useTranslation();
  if (a.itemId && a.fromId && a.itemId !== a.fromId)
    return (
      <Text span size="sm" className="mono">
        {t('editionMigration.fromTo', { from: a.fromId, to: a.itemId })}
      </Text>
    );
  return <NodeId id={(a.itemId ?? a.fromId)!} />;
}

function AttentionList({ statementId, canEdit }: { statementId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const q = useMigrationAttention(statementId);
  const mark = useMarkAttention(statementId);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const list = q.data.attention;
  const first = list[0];
  const done = list.filter((a) => a.doneAt !== null).length;
  return (
    <Card withBorder component="section" aria-labelledby="attention-title" data-testid="migration-attention">
      <Stack gap="xs">
        <Title order={3} size="h4" id="attention-title">
          {t('editionMigration.attentionTitle')}
        </Title>
        {!first ? (
          <Text size="sm">{t('editionMigration.attentionEmpty')}</Text>
        ) : (
          <>
            <Text size="sm">
              {t('editionMigration.attentionIntro', {
                from: first.fromEdition,
                to: first.toEdition,
                date: formatDate(first.migratedAt, i18n.language),
              })}
            </Text>
            <Text size="sm" fw={600} role="status" data-testid="attention-progress">
              {t('editionMigration.attentionDone', { done, total: list.length })}
            </Text>
            {mark.error && <ErrorAlert error={mark.error} />}
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.map((a) => {
                const item = a.itemId ?? a.fromId ?? '';
                return (
                  <li key={a.seq} data-testid="attention-row" data-item={item} data-done={a.doneAt !== null}>
                    <Group gap="sm" wrap="wrap" py={4}>
                      <Checkbox
                        checked={a.doneAt !== null}
                        disabled={!canEdit || mark.isPending}
                        onChange={(e) => mark.mutate({ seq: a.seq, done: e.currentTarget.checked })}
                        label={t('editionMigration.tick', { item })}
                      />
                      <Text size="sm">{t(`editionMigration.group.${a.reason}`)}</Text>
                      {a.itemId && (
                        <Anchor
                          component={Link}
                          to={`/statements/${statementId}?item=${encodeURIComponent(a.itemId)}`}
                          size="sm"
                        >
                          {t('editionMigration.openItem', { item: a.itemId })}
                        </Anchor>
                      )}
                    </Group>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Stack>
    </Card>
  );
}
