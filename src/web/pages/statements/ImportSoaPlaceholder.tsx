import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Where "import an SoA" leads until that import exists: says so, and what to do meanwhile. */
export function ImportSoaPlaceholder() {
  const { t } = useTranslation();
  return (
    <Stack maw={800}>
      <Title order={2}>{t('empty.importPlaceholderTitle')}</Title>
      <Card withBorder>
        <Text>{t('empty.importPlaceholderText')}</Text>
        <Button component={Link} to="/services" variant="light" mt="md" w="fit-content">
          {t('services.title')}
        </Button>
      </Card>
    </Stack>
  );
}
