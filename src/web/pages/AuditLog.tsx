import { Alert, Button, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { auditExportHref, auditFilter, useAuditLog, useVerifyAuditChain } from '../api/audit';
import { ErrorAlert, Loading } from '../components/status';
import { AuditActionLabel, AuditDetails } from '../components/audit-entry';
import { formatDateTime } from '../i18n/format';
import { useSession } from '../session';
import { requireRecentAuth } from '../api/mfa';
import { useReauth } from './mfa/ReauthModal';
import type { MouseEvent } from 'react';

/** The audit log: all of it for platform administrators (/admin/audit), one organization's for its admins. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const { id: orgId } = useParams();
  const { session } = useSession();
  // Filters live in the URL so a filtered view can be shared.
  const [params, setParams] = useSearchParams();
  const filter = { action: params.get('action') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const apiFilter = auditFilter(orgId, filter);
  const q = useAuditLog(apiFilter);
  const verify = useVerifyAuditChain();
  // Exporting the log is a sensitive action: the server wants a recent proof of identity (a plain link cannot ask).
  const reauth = useReauth();
  const org = session?.organizations.find((o) => o.id === orgId);
  const events = q.data?.pages.flatMap((p) => p.events) ?? [];
  const actors = Object.assign({}, ...(q.data?.pages.map((p) => p.actors) ?? [])) as Record<string, string>;
  // No actor: an unauthenticated caller (a rejected sign-in). The all-zero id: ISMAP Hub itself (start-up tasks).
  const userLabel = (id: string | null) =>
    !id ? t('audit.anonymous') : id.startsWith('00000000') ? t('audit.system') : (actors[id] ?? id.slice(0, 8));

  const target = (e: { targetType: string; targetId: string | null }) =>
    e.targetId ? `${e.targetType}:${e.targetId}` : e.targetType;

  return (
    <Stack>
      <Title order={2}>
        {org ? t('audit.orgTitle', { org: i18n.language === 'ja' ? org.nameJa : org.nameEn }) : t('audit.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const k of ['action', 'from', 'to']) {
            const v = String(f.get(k) ?? '');
            if (v) next.set(k, v);
          }
          setParams(next);
        }}
      >
        <Group align="flex-end">
          <TextInput name="action" label={t('audit.filterAction')} defaultValue={filter.action} w={260} />
          <TextInput name="from" type="datetime-local" label={t('audit.filterFrom')} defaultValue={filter.from} />
          <TextInput name="to" type="datetime-local" label={t('audit.filterTo')} defaultValue={filter.to} />
          <Button type="submit" variant="light">
            {t('audit.apply')}
          </Button>
          <Button
            component="a"
            href={auditExportHref(apiFilter)}
            variant="default"
            onClick={(e: MouseEvent) => {
              e.preventDefault();
              const href = auditExportHref(apiFilter);
              void reauth.run(() => requireRecentAuth().then(() => window.location.assign(href)));
            }}
          >
            {t('audit.export')}
          </Button>
          {session?.abilities.verifyAuditLog && !orgId && (
            <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
              {t('audit.verify')}
            </Button>
          )}
        </Group>
      </form>
      {verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} role="status" data-testid="verify-result">
          {verify.data.broken
            ? t('audit.verifyBroken', {
                position: verify.data.broken.position,
                seq: verify.data.broken.seq,
                reason: t(`audit.brokenReason.${verify.data.broken.reason}`),
              })
            : t('audit.verifyOk', { count: verify.data.checked })}
          {(verify.data.checkpoints ?? []).map((c) =>
            c.result === 'ok' ? null : (
              <Text key={`${c.seq}-${c.at}`} size="sm">
                {t('audit.checkpointFailed', {
                  seq: c.seq,
                  at: formatDateTime(c.at, i18n.language),
                  result: t(`audit.checkpointResult.${c.result}`),
                })}
              </Text>
            ),
          )}
          {verify.data.unreadableCheckpoints.map((line) => (
            <Text key={line} size="sm">
              {t('audit.checkpointUnreadable', { line })}
            </Text>
          ))}
          {verify.data.checkpoints?.length && verify.data.checkpoints.every((c) => c.result === 'ok') ? (
            <Text size="sm">{t('audit.checkpointsOk', { count: verify.data.checkpoints.length })}</Text>
          ) : null}
        </Alert>
      )}
      {q.isLoading && <Loading />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && <Text size="sm">{t('audit.total', { count: q.data.pages[0]?.total ?? 0 })}</Text>}
      {q.data && events.length === 0 && <Text>{t('audit.empty')}</Text>}
      {events.length > 0 && (
        // The table scrolls inside its box, never the window; long targets are cut with an ellipsis and shown whole
        // on hover and to screen readers (title).
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} data-testid="audit-scroll">
          <Table striped stickyHeader data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.seq')}</Table.Th>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.target')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
                <Table.Th>{t('audit.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td className="mono">{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, i18n.language)}</Table.Td>
                  <Table.Td>{userLabel(e.actorUserId)}</Table.Td>
                  <Table.Td>
                    <AuditActionLabel action={e.action} />
                  </Table.Td>
                  <Table.Td className="mono">
                    <span className="cell-ellipsis" title={target(e)} data-testid="audit-target">
                      {target(e)}
                    </span>
                  </Table.Td>
                  <Table.Td>
                    <AuditDetails details={e.details} />
                  </Table.Td>
                  <Table.Td className="mono">
                    <Tooltip label={`${e.hash} ← ${e.prevHash}`} multiline w={300}>
                      <span>{e.hash.slice(0, 12)}…</span>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {q.hasNextPage && (
        <Button variant="subtle" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage} w="fit-content">
          {t('audit.more')}
        </Button>
      )}
      {reauth.modal}
    </Stack>
  );
}
