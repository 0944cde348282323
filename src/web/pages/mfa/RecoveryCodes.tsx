import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** New recovery codes, shown once: to copy or download before they are gone. */
export function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const { t } = useTranslation();
  const download = () => {
    const text = [t('mfa.recoveryFileHeader', { email }), '', ...codes, ''].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'ismap-hub-recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Alert color="yellow" title={t('mfa.recoveryNew')} role="status">
      <Stack>
        <Text size="sm">{t('mfa.recoveryShownOnce')}</Text>
        <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes">
          {codes.map((c) => (
            <Code key={c} fz="md">
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <Group>
          <Button variant="default" onClick={download}>
            {t('mfa.recoveryDownload')}
          </Button>
          <Button onClick={onDone}>{t('mfa.recoverySaved')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
