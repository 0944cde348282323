import {
  Badge,
  Button,
  Card,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenAccesses, tokenResources, type TokenAccess, type TokenResource } from '../../core/policies/token-scopes';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/api-tokens';
import { ErrorAlert, Loading } from '../components/status';
import { formatDateTime } from '../i18n/format';
import { useSession } from '../session';
import { useReauth } from './mfa/ReauthModal';

const PLATFORM = 'platform';
const DAYS = ['7', '30', '90', '180', '365'];

interface Draft {
  name: string;
  org: string | null;
  access: TokenAccess[];
  resources: TokenResource[];
  days: string;
}

/** The account page's API tokens: create (scopes, organization, expiry; the token shown once), list, revoke. */
export function ApiTokens() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const q = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const fresh = (): Draft => ({
    name: '',
    org: session?.activeOrgId ?? (session?.user.isPlatformAdmin ? PLATFORM : null),
    access: ['read'],
    resources: ['catalogs'],
    days: '90',
  });
  const [draft, setDraft] = useState<Draft>(fresh);
  // Creating a token is a sensitive action: a stale session is asked to re-authenticate, then the form is sent again.
  const reauth = useReauth();
  const [error, setError] = useState<unknown>(null);
  // The new token lives only in this state: closing the dialog forgets it for good.
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const orgName = (id: string | null) => {
    if (id === null) return t('apiTokens.platformWide');
    const o = session?.organizations.find((x) => x.id === id);
    return o ? (i18n.language === 'ja' ? o.nameJa : o.nameEn) : id;
  };
  const orgOptions = [
    ...(session?.organizations ?? []).map((o) => ({ value: o.id, label: orgName(o.id) })),
    ...(session?.user.isPlatformAdmin ? [{ value: PLATFORM, label: t('apiTokens.platformWide') }] : []),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = {
      name: draft.name,
      orgId: draft.org === PLATFORM ? null : draft.org,
      access: draft.access,
      resources: draft.resources,
      expiresInDays: Number(draft.days),
    };
    reauth
      .run(async () => {
        const r = await create.mutateAsync(body);
        setShown({ name: r.apiToken.name, token: r.token });
        setDraft(fresh());
      })
      .catch((err: unknown) => setError(err));
  };

  return (
    <Stack>
      <Title order={3} size="h4" id="api-tokens">
        {t('apiTokens.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('apiTokens.intro')}
      </Text>
      <Card withBorder maw={760}>
        <form onSubmit={submit} aria-labelledby="api-tokens">
          <Stack>
            {!!error && <ErrorAlert error={error} />}
            <Group grow align="flex-start">
              <TextInput
                label={t('apiTokens.name')}
                placeholder={t('apiTokens.namePlaceholder')}
                required
                maxLength={100}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              />
              <Select
                label={t('apiTokens.organization')}
                data={orgOptions}
                value={draft.org}
                allowDeselect={false}
                onChange={(v) => setDraft({ ...draft, org: v })}
              />
              <Select
                label={t('apiTokens.expiresIn')}
                data={DAYS.map((d) => ({ value: d, label: t('apiTokens.days', { count: Number(d) }) }))}
                value={draft.days}
                allowDeselect={false}
                onChange={(v) => setDraft({ ...draft, days: v ?? '90' })}
              />
            </Group>
            <Checkbox.Group
              label={t('apiTokens.access')}
              value={draft.access}
              onChange={(v) => setDraft({ ...draft, access: v as TokenAccess[] })}
            >
              <Group mt={4}>
                {tokenAccesses.map((a) => (
                  <Checkbox key={a} value={a} label={t(`apiTokens.${a}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox.Group
              label={t('apiTokens.resources')}
              value={draft.resources}
              onChange={(v) => setDraft({ ...draft, resources: v as TokenResource[] })}
            >
              <Group mt={4}>
                {tokenResources.map((r) => (
                  <Checkbox key={r} value={r} label={t(`apiTokens.resource.${r}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!draft.access.length || !draft.resources.length || !draft.org}
              w="fit-content"
            >
              {t('apiTokens.create')}
            </Button>
          </Stack>
        </form>
      </Card>
      {reauth.modal}
      <Modal
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={shown ? t('apiTokens.createdTitle', { name: shown.name }) : ''}
        size="lg"
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': t('apiTokens.close') }}
      >
        {shown && (
          <Stack>
            <Text size="sm">{t('apiTokens.createdNote')}</Text>
            <Group wrap="nowrap">
              <TextInput
                aria-label={t('apiTokens.token')}
                value={shown.token}
                readOnly
                className="mono"
                style={{ flex: 1 }}
                data-testid="new-api-token"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={shown.token}>
                {({ copied, copy }) => (
                  <Button onClick={copy}>{copied ? t('apiTokens.copied') : t('apiTokens.copy')}</Button>
                )}
              </CopyButton>
            </Group>
            <Button variant="default" onClick={() => setShown(null)} w="fit-content">
              {t('apiTokens.done')}
            </Button>
          </Stack>
        )}
      </Modal>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data!.tokens.length === 0 ? (
        <Text c="dimmed">{t('apiTokens.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760} type="native" tabIndex={0}>
          <Table striped data-testid="api-token-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiTokens.name')}</Table.Th>
                <Table.Th>{t('apiTokens.organization')}</Table.Th>
                <Table.Th>{t('apiTokens.scopes')}</Table.Th>
                <Table.Th>{t('apiTokens.expires')}</Table.Th>
                <Table.Th>{t('apiTokens.lastUsed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data!.tokens.map((tok) => (
                <Table.Tr key={tok.id}>
                  <Table.Td>
                    {tok.name}
                    <Text size="xs" c="dimmed" className="mono">
                      {tok.hint}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{orgName(tok.orgId)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" className="mono">
                      {tok.scopes.join(' ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(tok.expiresAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {tok.lastUsedAt
                      ? `${formatDateTime(tok.lastUsedAt, i18n.language)} ${tok.lastUsedIp ?? ''}`
                      : t('apiTokens.never')}
                  </Table.Td>
                  <Table.Td>
                    {tok.state === 'active' && tok.abilities.revoke ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={revoke.isPending && revoke.variables === tok.id}
                        onClick={() => revoke.mutate(tok.id)}
                        aria-label={t('apiTokens.revokeLabel', { name: tok.name })}
                      >
                        {t('apiTokens.revoke')}
                      </Button>
                    ) : (
                      <Badge color="gray">{t(`apiTokens.state.${tok.state}`)}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
