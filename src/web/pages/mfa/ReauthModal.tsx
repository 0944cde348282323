import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { needsReauth, passkeyAssertion, reauthenticateRequest, useMfaStatus } from '../../api/mfa';
import { ErrorAlert } from '../../components/status';

/**
 * Runs a sensitive action; when the server answers `reauthentication_required`, asks for the second factor (or the
 * password of a user without one) and runs it again. `run(fn)` returns what `fn` returns, or undefined when the user
 * cancelled.
 */
export function useReauth() {
  const [pending, setPending] = useState<{ retry: () => Promise<void> } | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      if (!needsReauth(e)) throw e;
      setPending({ retry: async () => void (await fn()) });
    }
  };
  const modal = pending ? (
    <ReauthModal
      onClose={() => setPending(null)}
      onConfirmed={async () => {
        const p = pending;
        setPending(null);
        await p.retry();
      }}
    />
  ) : null;
  return { run, modal };
}

function ReauthModal({ onClose, onConfirmed }: { onClose: () => void; onConfirmed: () => Promise<void> }) {
  const { t } = useTranslation();
  const status = useMfaStatus();
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const hasTotp = !!status.data?.totp;
  const hasPasskey = (status.data?.passkeys.length ?? 0) > 0;
  const hasFactor = hasTotp || hasPasskey;
  const confirm = async (body: Parameters<typeof reauthenticateRequest>[0]) => {
    setBusy(true);
    setError(null);
    try {
      await reauthenticateRequest(body);
      await onConfirmed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void confirm(hasFactor ? { totpCode: value } : { password: value });
  };
  return (
    <Modal opened onClose={onClose} title={t('mfa.reauthTitle')} closeButtonProps={{ 'aria-label': t('mfa.cancel') }}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{t('mfa.reauthIntro')}</Text>
          {!!error && <ErrorAlert error={error} />}
          {hasFactor ? (
            hasTotp && (
              <TextInput
                label={t('mfa.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                data-autofocus
              />
            )
          ) : (
            <PasswordInput
              label={t('mfa.reauthPassword')}
              autoComplete="current-password"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              data-autofocus
            />
          )}
          <Group>
            {(!hasFactor || hasTotp) && (
              <Button type="submit" loading={busy}>
                {t('mfa.reauthSubmit')}
              </Button>
            )}
            {hasPasskey && (
              <Button
                variant="default"
                loading={busy}
                onClick={() =>
                  void passkeyAssertion('reauthenticate').then(
                    (passkey) => confirm({ passkey }),
                    (e: unknown) => setError(e),
                  )
                }
              >
                {t('mfa.usePasskey')}
              </Button>
            )}
            <Button variant="subtle" onClick={onClose}>
              {t('mfa.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
