import { Badge, Button, Card, Checkbox, Code, Group, Image, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAddPasskey,
  useConfirmTotp,
  useMfaStatus,
  useRegenerateRecoveryCodes,
  useRemovePasskey,
  useRemoveTotp,
  useRenamePasskey,
  useStartTotp,
  type Passkey,
} from '../../api/mfa';
import { ErrorAlert, Loading } from '../../components/status';
import { formatDateTime } from '../../i18n/format';
import { RecoveryCodes } from './RecoveryCodes';
import { useReauth } from './ReauthModal';

/**
 * The caller's second factors: an authenticator app (QR enrolment confirmed by a first code), passkeys and recovery
 * codes. Used on the account page and as the enrolment a user who must have MFA finishes at sign-in (`onEnrolled`
 * then hands the signed-in session on, once the recovery codes were seen).
 */
export function MfaSection({ email, onEnrolled }: { email: string; onEnrolled?: () => void }) {
  const { t, i18n } = useTranslation();
  const status = useMfaStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reauth = useReauth();
  const regenerate = useRegenerateRecoveryCodes();
  const guarded = (fn: () => Promise<unknown>) => {
    setError(null);
    reauth.run(fn).catch((e: unknown) => setError(e));
  };
  const issued = (c: string[] | null | undefined) => {
    if (c?.length) setCodes(c);
    else onEnrolled?.();
  };
  if (status.isLoading) return <Loading />;
  if (status.error) return <ErrorAlert error={status.error} />;
  const s = status.data!;
  const date = (d: string) => formatDateTime(d, i18n.language);
  return (
    <Card withBorder maw={800}>
      <Stack>
        <Title order={3} size="h5">
          {t('mfa.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {s.required ? t('mfa.required') : t('mfa.intro')}
        </Text>
        {!!error && <ErrorAlert error={error} />}
        {codes && (
          <RecoveryCodes
            codes={codes}
            email={email}
            onDone={() => {
              setCodes(null);
              onEnrolled?.();
            }}
          />
        )}
        <TotpPart enrolledAt={s.totp?.enrolledAt ?? null} onIssued={issued} guarded={guarded} date={date} />
        <PasskeyPart passkeys={s.passkeys} onIssued={issued} guarded={guarded} date={date} />
        {(s.totp || s.passkeys.length > 0) && (
          <Group justify="space-between">
            <Text size="sm">
              {t('mfa.recoveryTitle')}: {t('mfa.recoveryLeft', { count: s.recoveryCodesLeft })}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => guarded(async () => setCodes((await regenerate.mutateAsync()).recoveryCodes))}
            >
              {t('mfa.recoveryRegenerate')}
            </Button>
          </Group>
        )}
      </Stack>
      {reauth.modal}
    </Card>
  );
}

interface PartProps {
  onIssued: (codes: string[] | null | undefined) => void;
  guarded: (fn: () => Promise<unknown>) => void;
  date: (iso: string) => string;
}

function TotpPart({ enrolledAt, onIssued, guarded, date }: PartProps & { enrolledAt: string | null }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const remove = useRemoveTotp();
  const [code, setCode] = useState('');
  const pending = start.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    guarded(async () => {
      const r = await confirm.mutateAsync(code);
      start.reset();
      setCode('');
      onIssued(r.recoveryCodes);
    });
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{t('mfa.totpTitle')}</Text>
        {enrolledAt ? (
          <Group>
            <Badge color="green" variant="light">
              {t('mfa.totpEnrolled', { date: date(enrolledAt) })}
            </Badge>
            <Button size="xs" variant="default" color="red" onClick={() => guarded(() => remove.mutateAsync())}>
              {t('mfa.remove')}
            </Button>
          </Group>
        ) : (
          !pending && (
            <Button size="xs" onClick={() => guarded(() => start.mutateAsync())} loading={start.isPending}>
              {t('mfa.totpSetUp')}
            </Button>
          )
        )}
      </Group>
      {!enrolledAt && pending && (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Text size="sm">{t('mfa.totpScan')}</Text>
            <Image src={pending.qrCode} alt={t('mfa.qrAlt')} w={200} h={200} />
            <Text size="sm">
              {t('mfa.secretLabel')}: <Code data-testid="totp-secret">{pending.secret}</Code>
            </Text>
            <Group align="flex-end">
              <TextInput
                label={t('mfa.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <Button type="submit" loading={confirm.isPending}>
                {t('mfa.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function PasskeyPart({ passkeys, onIssued, guarded, date }: PartProps & { passkeys: Passkey[] }) {
  const { t } = useTranslation();
  const add = useAddPasskey();
  const rename = useRenamePasskey();
  const remove = useRemovePasskey();
  const [name, setName] = useState(t('mfa.passkeyDefaultName'));
  const [passwordless, setPasswordless] = useState(true);
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('mfa.passkeysTitle')}</Text>
      {passkeys.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('mfa.passkeysNone')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mfa.passkeyName')}</Table.Th>
              <Table.Th>{t('mfa.created')}</Table.Th>
              <Table.Th>{t('mfa.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {passkeys.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {editing?.id === p.id ? (
                    <TextInput
                      aria-label={t('mfa.passkeyName')}
                      value={editing.name}
                      onChange={(e) => setEditing({ id: p.id, name: e.currentTarget.value })}
                    />
                  ) : (
                    p.name
                  )}
                </Table.Td>
                <Table.Td>{date(p.createdAt)}</Table.Td>
                <Table.Td>{p.lastUsedAt ? date(p.lastUsedAt) : t('mfa.never')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {editing?.id === p.id ? (
                      <Button size="xs" onClick={() => rename.mutate(editing, { onSuccess: () => setEditing(null) })}>
                        {t('mfa.save')}
                      </Button>
                    ) : (
                      <Button size="xs" variant="default" onClick={() => setEditing({ id: p.id, name: p.name })}>
                        {t('mfa.rename')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => guarded(() => remove.mutateAsync(p.id))}
                    >
                      {t('mfa.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rename.error && <ErrorAlert error={rename.error} />}
      <Group align="flex-end">
        <TextInput label={t('mfa.passkeyName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button
          variant="default"
          loading={add.isPending}
          onClick={() => guarded(async () => onIssued((await add.mutateAsync({ name, passwordless })).recoveryCodes))}
        >
          {t('mfa.addPasskey')}
        </Button>
      </Group>
      <Checkbox
        label={t('passkeySignIn.passwordless')}
        description={t('passkeySignIn.passwordlessHint')}
        checked={passwordless}
        onChange={(e) => setPasswordless(e.currentTarget.checked)}
      />
    </Stack>
  );
}
