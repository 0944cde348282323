import { Alert, Button, Divider, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { startSso } from '../api/sso';

/** The sign-in page's SSO entry: a work email → the organization's identity provider. Shows why a return was refused. */
export function SsoSignIn() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const refused = new URLSearchParams(window.location.search).get('sso_error');
  const [error, setError] = useState<string | null>(refused ? t(`ssoRefusal.${refused}`) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { url } = await startSso({ email });
      window.location.assign(url);
    } catch (err) {
      const reason = err instanceof ApiError ? err.reason : undefined;
      setError(reason ? t(`errorReason.${reason}`) : String((err as Error).message));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={t('sso.signInWith')}>
      <Stack gap="xs" mt="md">
        <Divider label={t('sso.or')} labelPosition="center" />
        {error && (
          <Alert color="red" role="alert" data-testid="sso-error">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('sso.signInWith')}
          description={t('sso.emailHint')}
          type="email"
          name="sso-email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <Button type="submit" variant="light" loading={busy}>
          {t('sso.continue')}
        </Button>
      </Stack>
    </form>
  );
}
