import { Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { activeMembership, useSession } from '../session';

export function Home() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  if (!session) return null;
  const m = activeMembership(session);
  const org = session.organizations.find((o) => o.id === session.activeOrgId);
  const steps: string[] = [];
  if (m) steps.push(t(`home.steps.${m.orgKind}`));
  if (session.user.isPlatformAdmin) steps.push(t('home.steps.admin'));
  return (
    <Stack maw={900}>
      <Title order={2}>{t('home.title')}</Title>
      <Text>{t('home.signedInAs', { name: session.user.displayName, email: session.user.email })}</Text>
      {org && m ? <Text>{t('home.actingAs', { org: i18n.language === 'ja' ? org.nameJa : org.nameEn, role: t(`role.${m.role}`) })}</Text> : null}
      {session.user.isPlatformAdmin && <Text>{t('home.platformAdmin')}</Text>}
      {!m && !session.user.isPlatformAdmin && <Text>{t('home.noOrg')}</Text>}
      {steps.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('home.nextSteps')}
          </Title>
          <List spacing="xs">
            {steps.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
          <Button component={Link} to="/catalogs" mt="md" variant="light" w="fit-content">
            {t('home.openCatalogs')}
          </Button>
        </Card>
      )}
    </Stack>
  );
}
