import { Alert, Button, Checkbox, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { needsReauth } from '../api/mfa';
import { useSaveSsoConfiguration, useSsoConfiguration, type SsoConfigurationInput } from '../api/sso';
import { useReauth } from './mfa/ReauthModal';

/** The organization's single sign-on settings, for its admins and platform administrators. */
export function OrganizationSso({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const query = useSsoConfiguration(orgId, true);
  const save = useSaveSsoConfiguration(orgId);
  // Changing the identity provider is a sensitive action: a stale session is asked to re-authenticate, then the
  // settings are sent again.
  const reauth = useReauth();
  const [reauthError, setReauthError] = useState<unknown>(null);
  const current = query.data?.configuration ?? null;
  const [form, setForm] = useState({
    issuer: '',
    clientId: '',
    clientSecret: '',
    domains: '',
    defaultRole: 'viewer' as SsoConfigurationInput['defaultRole'],
    jit: false,
    enabled: false,
  });
  useEffect(() => {
    if (current)
      setForm({
        issuer: current.issuer,
        clientId: current.clientId,
        clientSecret: '',
        domains: current.allowedDomains.join(', '),
        defaultRole: current.defaultRole,
        jit: current.jitProvisioning,
        enabled: current.enabled,
      });
  }, [current]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setReauthError(null);
    const body: SsoConfigurationInput = {
      issuer: form.issuer,
      clientId: form.clientId,
      ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
      allowedDomains: form.domains
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
      defaultRole: form.defaultRole,
      jitProvisioning: form.jit,
      enabled: form.enabled,
    };
    save.reset();
    reauth.run(() => save.mutateAsync(body)).catch((e: unknown) => setReauthError(e));
  };
  const failure = reauthError ?? save.error;
  // The re-authentication prompt handles its own refusal; it is not an error to show here.
  const err = failure instanceof ApiError && !needsReauth(failure) ? failure : null;

  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="sso-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h4" id="sso-title">
            {t('sso.settingsTitle')}
          </Title>
          {err && (
            <Alert color="red" role="alert">
              {err.reason ? t(`errorReason.${err.reason}`, err.params) : err.message}
            </Alert>
          )}
          {save.isSuccess && <Alert color="green">{t('sso.saved')}</Alert>}
          {reauth.modal}
          <TextInput
            label={t('sso.issuer')}
            required
            value={form.issuer}
            onChange={(e) => setForm({ ...form, issuer: e.currentTarget.value })}
          />
          <TextInput
            label={t('sso.clientId')}
            required
            value={form.clientId}
            onChange={(e) => setForm({ ...form, clientId: e.currentTarget.value })}
          />
          <PasswordInput
            label={t('sso.clientSecret')}
            description={current?.hasClientSecret ? t('sso.clientSecretSet') : t('sso.clientSecretNone')}
            autoComplete="off"
            value={form.clientSecret}
            onChange={(e) => setForm({ ...form, clientSecret: e.currentTarget.value })}
          />
          <TextInput
            label={t('sso.allowedDomains')}
            required
            value={form.domains}
            onChange={(e) => setForm({ ...form, domains: e.currentTarget.value })}
          />
          <Select
            label={t('sso.defaultRole')}
            value={form.defaultRole}
            allowDeselect={false}
            onChange={(v) => v && setForm({ ...form, defaultRole: v as typeof form.defaultRole })}
            data={(['viewer', 'editor', 'admin'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Checkbox
            label={t('sso.jit')}
            checked={form.jit}
            onChange={(e) => setForm({ ...form, jit: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('sso.enabled')}
            checked={form.enabled}
            onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })}
          />
          <Text size="xs" c="dimmed">
            {`${window.location.origin}/api/v1/auth/sso/callback`}
          </Text>
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('sso.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
