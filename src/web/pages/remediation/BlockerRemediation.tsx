import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useRemediationFromBlocker, useRemediationPlan, type RemediationEntry } from '../../api/remediation';
import { ErrorAlert } from '../../components/status';
import type { BlockerRule } from '../../../core/statement/blockers';

interface Blocker {
  itemId: string | null;
  rule: BlockerRule;
}
const PAGE = 10;
const key = (b: Blocker) => `${b.rule}|${b.itemId ?? ''}`;

/**
 * On the readiness dashboard: every blocker, grouped by rule, with a button that turns it into a remediation item
 * (title and links prefilled by the server), or a link to the item that already plans it.
 */
export function BlockerRemediation({ statementId, blockers }: { statementId: string; blockers: readonly Blocker[] }) {
  const { t } = useTranslation();
  const plan = useRemediationPlan(statementId);
  const create = useRemediationFromBlocker(statementId);
  const [shown, setShown] = useState<Record<string, number>>({});
  const [created, setCreated] = useState<RemediationEntry | null>(null);
  const planned = new Map<string, RemediationEntry>();
  for (const i of plan.data?.items ?? [])
    for (const l of i.links)
      if (l.kind === 'blocker' && l.rule) planned.set(key({ rule: l.rule, itemId: l.target }), i);
  const byRule = new Map<BlockerRule, Blocker[]>();
  for (const b of blockers) byRule.set(b.rule, [...(byRule.get(b.rule) ?? []), b]);
  const canCreate = plan.data?.abilities.create ?? false;
  const planHref = (id: string) => `/statements/${statementId}/remediation?item=${id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rd-plan" data-testid="blocker-remediation">
      <Title order={3} size="h4" id="rd-plan">
        {t('remediation.blockersTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('remediation.blockersHelp')}
      </Text>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      {created && !create.error && (
        <Text role="status" size="sm" c="teal.9" mb="xs" data-testid="remediation-created">
          {t('remediation.created', { title: created.title })}{' '}
          <Anchor component={Link} to={planHref(created.id)} size="sm">
            {t('remediation.edit', { title: created.title })}
          </Anchor>
        </Text>
      )}
      {blockers.length === 0 && <Text size="sm">{t('remediation.noBlockers')}</Text>}
      <Stack gap="sm">
        {[...byRule].map(([rule, list]) => {
          const n = shown[rule] ?? PAGE;
          return (
            <Stack key={rule} gap={4} data-rule={rule}>
              <Title order={4} size="h6">
                {t(`blockerRule.${rule}`)} ({list.length})
              </Title>
              <ul className="board-list">
                {list.slice(0, n).map((b) => {
                  const k = key(b);
                  const item = planned.get(k);
                  const what = b.itemId ?? t('remediation.link.statementLevel');
                  return (
                    <li key={k} data-blocker={k}>
                      <Group gap="xs" wrap="wrap">
                        {b.itemId ? (
                          <Anchor
                            component={Link}
                            to={`/statements/${statementId}?item=${encodeURIComponent(b.itemId)}`}
                            className="mono"
                            size="sm"
                          >
                            {b.itemId}
                          </Anchor>
                        ) : (
                          <Text size="sm">{what}</Text>
                        )}
                        {item ? (
                          <Anchor component={Link} to={planHref(item.id)} size="sm" data-testid="in-plan">
                            {t('remediation.inPlan', { title: item.title })}
                          </Anchor>
                        ) : (
                          canCreate && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              loading={create.isPending && create.variables && key(create.variables) === k}
                              aria-label={t('remediation.fromBlockerFor', {
                                what: `${what} — ${t(`blockerRule.${rule}`)}`,
                              })}
                              onClick={() =>
                                create.mutate(
                                  { rule: b.rule, itemId: b.itemId },
                                  { onSuccess: (r) => setCreated(r.item) },
                                )
                              }
                              data-testid="create-from-blocker"
                            >
                              {t('remediation.fromBlocker')}
                            </Button>
                          )
                        )}
                      </Group>
                    </li>
                  );
                })}
              </ul>
              {list.length > n && (
                <Group>
                  <Button size="compact-xs" variant="subtle" onClick={() => setShown({ ...shown, [rule]: n + 50 })}>
                    {t('remediation.more', { count: Math.min(50, list.length - n) })}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
