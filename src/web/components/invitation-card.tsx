import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation, InvitationLink } from '../api/invitations';
import { formatDate } from '../i18n/format';

type Offer = Pick<Invitation, 'email' | 'role' | 'invitedByName' | 'expiresAt'> & {
  orgNameJa: string;
  orgNameEn: string;
};

export const offerOf = (v: InvitationLink): Offer => ({
  email: v.email,
  role: v.role,
  invitedByName: v.invitedByName,
  expiresAt: v.expiresAt,
  orgNameJa: v.organization.nameJa,
  orgNameEn: v.organization.nameEn,
});

/** One invitation as the invitee sees it, with accept / decline when they may answer. */
export function InvitationOffer({
  offer,
  onAnswer,
  busy,
}: {
  offer: Offer;
  onAnswer?: (answer: 'accept' | 'decline') => void;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const org = i18n.language === 'ja' ? offer.orgNameJa : offer.orgNameEn;
  return (
    <Card withBorder data-testid="invitation">
      <Stack gap={4}>
        <Text fw={600}>{t('invite.offer', { org, role: t(`role.${offer.role}`) })}</Text>
        {offer.invitedByName && <Text size="sm">{t('invite.offerBy', { name: offer.invitedByName })}</Text>}
        <Text size="sm" c="dimmed">
          {t('invite.forEmail', { email: offer.email, date: formatDate(offer.expiresAt, i18n.language) })}
        </Text>
        {onAnswer && (
          <Group mt="xs">
            <Button size="sm" loading={busy} onClick={() => onAnswer('accept')}>
              {t('invite.accept')}
            </Button>
            <Button size="sm" variant="default" disabled={busy} onClick={() => onAnswer('decline')}>
              {t('invite.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
