import { Alert, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { passkeyAssertion, verifySecondFactor, type SecondFactorAnswer } from '../../api/mfa';
import { fetchSession } from '../../api/session';
import { useSession } from '../../session';
import { MfaSection } from './MfaSection';

/** The second step of a sign-in: the authenticator app's code, a passkey, or a recovery code. */
export function SecondFactorStep() {
  const { t } = useTranslation();
  const { session, adopt, signOut } = useSession();
  const methods = session?.signInMethods ?? [];
  const [mode, setMode] = useState<'totp' | 'recovery_code'>(methods.includes('totp') ? 'totp' : 'recovery_code');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const answer = async (body: SecondFactorAnswer | (() => Promise<SecondFactorAnswer>)) => {
    setBusy(true);
    setError(null);
    try {
      adopt(await verifySecondFactor(typeof body === 'function' ? await body() : body));
    } catch (e) {
      const reason = e instanceof ApiError ? e.reason : undefined;
      setError(reason ? t(`errorReason.${reason}`, (e as ApiError).params) : String((e as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void answer(mode === 'totp' ? { totpCode: code.trim() } : { recoveryCode: code.trim() });
  };
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={440} radius="md">
        <form onSubmit={submit} aria-labelledby="mfa-step-title">
          <Stack>
            <Title order={1} size="h3" id="mfa-step-title">
              {t('mfa.stepTitle')}
            </Title>
            <Text size="sm">{t('mfa.stepIntro', { email: session?.user.email ?? '' })}</Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            {methods.length === 0 && <Alert color="yellow">{t('mfa.noFactorsLeft')}</Alert>}
            {methods.includes('passkey') && (
              <Button
                variant="filled"
                loading={busy}
                onClick={() => void answer(async () => ({ passkey: await passkeyAssertion('second_factor') }))}
              >
                {t('mfa.usePasskey')}
              </Button>
            )}
            {(methods.includes('totp') || methods.includes('recovery_code')) && (
              <>
                <TextInput
                  key={mode}
                  label={mode === 'totp' ? t('mfa.code') : t('mfa.recoveryCode')}
                  inputMode={mode === 'totp' ? 'numeric' : 'text'}
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  autoFocus
                />
                <Button type="submit" loading={busy}>
                  {t('mfa.continue')}
                </Button>
              </>
            )}
            <Group justify="space-between">
              {methods.includes('totp') && methods.includes('recovery_code') && (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    setMode(mode === 'totp' ? 'recovery_code' : 'totp');
                    setCode('');
                  }}
                >
                  {mode === 'totp' ? t('mfa.useRecovery') : t('mfa.useTotp')}
                </Button>
              )}
              <Button variant="default" size="xs" onClick={() => void signOut()}>
                {t('mfa.signOut')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** A user who must use MFA and has none sets one up before anything else. */
export function EnrolStep() {
  const { t } = useTranslation();
  const { session, adopt, signOut } = useSession();
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Stack w={800} maw="100%">
        <Title order={1} size="h3">
          {t('mfa.enrolTitle')}
        </Title>
        <Text size="sm">{t('mfa.enrolIntro')}</Text>
        <MfaSection email={session?.user.email ?? ''} onEnrolled={() => void fetchSession().then(adopt)} />
        <Group>
          <Button variant="default" size="xs" onClick={() => void signOut()}>
            {t('mfa.signOut')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
