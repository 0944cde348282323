import {
  Alert,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { setLanguage, type Lang } from '../i18n';
import { useSession } from '../session';
import { SsoSignIn } from '../components/SsoSignIn';

export function SignIn() {
  const { t, i18n } = useTranslation();
  const { signIn, signInWithPasskey } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);

  const withPasskey = async () => {
    setPasskeyBusy(true);
    setPasskeyError(null);
    try {
      await signInWithPasskey();
    } catch (err) {
      if (err instanceof ApiError) {
        setPasskeyError(err.reason ? t(`errorReason.${err.reason}`, err.params) : err.message);
      } else {
        // The browser's WebAuthn errors: the person cancelled, it timed out, or there is no authenticator.
        const name = (err as { name?: string } | null)?.name;
        setPasskeyError(
          typeof window.PublicKeyCredential === 'undefined'
            ? t('passkeySignIn.unsupported')
            : name === 'NotAllowedError' || name === 'AbortError'
              ? t('passkeySignIn.cancelled')
              : String((err as Error).message),
        );
      }
    } finally {
      setPasskeyBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : null;
      // A block says how long it lasts (`sign_in_throttled` + { count: minutes }).
      const reason = err instanceof ApiError ? err.reason : undefined;
      const throttled = reason ? t(`errorReason.${reason}`, (err as ApiError).params) : t('auth.throttled');
      if (code === 'too_many_attempts') setError(throttled);
      else if (reason === 'sso_only_account') setError(t('errorReason.sso_only_account'));
      else setError(code === 'invalid_credentials' ? t('auth.invalid') : String((err as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={420} radius="md">
        <form onSubmit={submit} aria-labelledby="signin-title">
          <Stack>
            <Title order={1} size="h3" id="signin-title">
              {t('auth.signInTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
            <SegmentedControl
              aria-label={t('lang.label')}
              value={i18n.language}
              onChange={(v) => setLanguage(v as Lang)}
              data={[
                { value: 'ja', label: t('lang.ja') },
                { value: 'en', label: t('lang.en') },
              ]}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t('auth.signIn')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('auth.demoHint')}
            </Text>
          </Stack>
        </form>
        <Stack gap="xs" mt="md">
          <Divider label={t('sso.or')} labelPosition="center" />
          {passkeyError && (
            <Alert color="red" role="alert" data-testid="passkey-error">
              {passkeyError}
            </Alert>
          )}
          <Button variant="default" loading={passkeyBusy} onClick={() => void withPasskey()}>
            {t('passkeySignIn.button')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('passkeySignIn.hint')}
          </Text>
        </Stack>
        <SsoSignIn />
      </Paper>
    </Center>
  );
}
