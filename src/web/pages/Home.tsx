import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { activeMembership, useSession } from '../session';
import { useAnswerInvitation, useMyInvitations } from '../api/invitations';
import { InvitationOffer } from '../components/invitation-card';
import { ErrorAlert } from '../components/status';

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
      {org && m ? (
        <Text>
          {t('home.actingAs', { org: i18n.language === 'ja' ? org.nameJa : org.nameEn, role: t(`role.${m.role}`) })}
        </Text>
      ) : null}
      {session.user.isPlatformAdmin && <Text>{t('home.platformAdmin')}</Text>}
      {!m && !session.user.isPlatformAdmin && <Text>{t('home.noOrg')}</Text>}
      <MyInvitations />
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

/** Invitations addressed to the signed-in user: accepting adds the membership, it does not switch organizations. */
function MyInvitations() {
  const { t, i18n } = useTranslation();
  const list = useMyInvitations();
  const answer = useAnswerInvitation();
  const [done, setDone] = useState<string | null>(null);
  const invitations = list.data?.invitations ?? [];
  if (invitations.length === 0 && !done) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('invite.yours')}
      </Title>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {answer.error && <ErrorAlert error={answer.error} />}
      {invitations.map((inv) => (
        <InvitationOffer
          key={inv.id}
          offer={inv}
          busy={answer.isPending && answer.variables.id === inv.id}
          onAnswer={(a) =>
            answer.mutate(
              { id: inv.id, answer: a },
              {
                onSuccess: () => {
                  const org = i18n.language === 'ja' ? inv.orgNameJa : inv.orgNameEn;
                  setDone(a === 'accept' ? t('invite.accepted', { org }) : t('invite.declined'));
                },
              },
            )
          }
        />
      ))}
    </Stack>
  );
}
