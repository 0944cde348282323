import { Alert, Button, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, type AuditEvent } from '../api/client';
import { ErrorAlert, Loading } from '../components/status';
import { AuditActionLabel, AuditDetails } from '../components/audit-entry';
import { formatDateTime } from '../i18n/format';
import { useSession } from '../session';

/** GET /audit-events/verify (src/server/routes/audit.ts). */
interface VerifyResult {
  ok: boolean;
  checked: number;
  broken: { position: number; seq: number; reason: string } | null;
  checkpoints: { seq: number; at: string; result: 'ok' | 'truncated' | 'rewritten' | 'reset' | 'bad_signature' | 'unknown_key' }[] | null;
  unreadableCheckpoints: number[];
}

interface Page {
  events: AuditEvent[];
  total: number;
  actors: Record<string, string>;
  nextBefore: number | null;
}

/** The audit log: all of it for platform administrators (/admin/audit), one organization's for its admins. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const { id: orgId } = useParams();
  const { session } = useSession();
  // Filters live in the URL so a filtered view can be shared.
  const [params, setParams] = useSearchParams();
  const filter = { action: params.get('action') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    if (orgId) p.set('orgId', orgId);
    if (filter.action) p.set('action', filter.action);
    if (filter.from) p.set('from', new Date(filter.from).toISOString());
    if (filter.to) p.set('to', new Date(filter.to).toISOString());
    for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
    return p.toString();
  };
  const q = useInfiniteQuery({
    queryKey: ['audit', orgId ?? 'all', filter],
    queryFn: ({ pageParam }) => api<Page>('GET', `/audit-events?${qs({ limit: '50', before: pageParam ? String(pageParam) : undefined })}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => api<VerifyResult>('GET', '/audit-events/verify') });
  const org = session?.organizations.find((o) => o.id === orgId);
  const events = q.data?.pages.flatMap((p) => p.events) ?? [];
  const actors = Object.assign({}, ...(q.data?.pages.map((p) => p.actors) ?? [])) as Record<string, string>;
  // No actor: an unauthenticated caller (a rejected sign-in). The all-zero id: ISMAP Hub itself (start-up tasks).
  const userLabel = (id: string | null) => (!id ? t('audit.anonymous') : id.startsWith('00000000') ? t('audit.system') : (actors[id] ?? id.slice(0, 8)));

  return (
    <Stack>
      <Title order={2}>{org ? t('audit.orgTitle', { org: i18n.language === 'ja' ? org.nameJa : org.nameEn }) : t('audit.title')}</Title>
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
          <Button component="a" href={`/api/v1/audit-events/export?${qs({})}`} variant="default">
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
          {verify.data.broken ? t('audit.verifyBroken', { position: verify.data.broken.position, seq: verify.data.broken.seq, reason: verify.data.broken.reason }) : t('audit.verifyOk', { count: verify.data.checked })}
          {(verify.data.checkpoints ?? []).map((c) =>
            c.result === 'ok' ? null : (
              <Text key={`${c.seq}-${c.at}`} size="sm">
                {t('audit.checkpointFailed', { seq: c.seq, at: formatDateTime(c.at, i18n.language), result: t(`audit.checkpointResult.${c.result}`) })}
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
                  {e.targetType}
                  {e.targetId ? `:${e.targetId.slice(0, 18)}` : ''}
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
      )}
      {q.hasNextPage && (
        <Button variant="subtle" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage} w="fit-content">
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}
