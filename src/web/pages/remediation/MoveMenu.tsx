import { Alert, Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { openBlockersOf, type RemediationEntry, type RemediationStatus } from '../../api/remediation';
import { ErrorAlert } from '../../components/status';

/**
 * The statuses an item may move to now (the core transition table, as the server lists them in `moves`), as a
 * menu: a button, then one entry per allowed status, all reachable by keyboard (Enter opens, arrows choose).
 */
export function MoveMenu({
  item,
  busy,
  onMove,
}: {
  item: Pick<RemediationEntry, 'id' | 'title' | 'moves'>;
  busy?: boolean;
  onMove: (to: RemediationStatus) => void;
}) {
  const { t } = useTranslation();
  if (item.moves.length === 0) return null;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="light"
          loading={busy}
          aria-label={t('remediation.moveLabel', { title: item.title })}
          data-testid="move-menu"
        >
          {t('remediation.move')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {item.moves.map((to) => (
          <Menu.Item key={to} data-to={to} onClick={() => onMove(to)}>
            {t('remediation.moveTo', { status: t(`remediation.status.${to}`) })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** What a move did: the fresh readiness the server answered with, or why it refused (which blockers are open). */
export function MoveOutcome({
  error,
  done,
}: {
  error: unknown;
  done: { title: string; status: RemediationStatus; percent: number; count: number } | null;
}) {
  const { t } = useTranslation();
  const open = openBlockersOf(error);
  if (open)
    return (
      <Alert color="red" role="alert" title={t('remediation.refusedTitle')} data-testid="move-refused">
        <Text size="sm">{t('errorReason.remediation_blockers_remain', { count: open.length })}</Text>
        {open.length > 0 && (
          <>
            <Text size="sm" mt={4}>
              {t('remediation.refusedOpen')}
            </Text>
            <ul className="blocker-list">
              {open.map((l, i) => (
                <li key={i}>
                  <Text size="sm" span>
                    {linkText(t, l.link)}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </Alert>
    );
  if (error) return <ErrorAlert error={error} />;
  if (!done) return null;
  return (
    <Text role="status" size="sm" c="teal.9" data-testid="move-done">
      {t('remediation.moved', {
        title: done.title,
        status: t(`remediation.status.${done.status}`),
        percent: done.percent,
        blockers: done.count,
      })}
    </Text>
  );
}

type TFn = ReturnType<typeof useTranslation>['t'];

/** A link of an item in words: the blocker's rule and item, the statement item, or the finding. */
export function linkText(t: TFn, l: RemediationEntry['links'][number]): string {
  const item = l.target ?? t('remediation.link.statementLevel');
  if (l.kind === 'blocker')
    return t('remediation.link.blocker', { rule: l.rule ? t(`blockerRule.${l.rule}`) : '', item });
  return t(`remediation.link.${l.kind}`, { item });
}
