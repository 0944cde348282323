import {
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  VisuallyHidden,
  Divider,
  Badge,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { setLanguage, type Lang } from '../i18n';
import { navigationFor, type NavItem } from '../nav';
import { activeMembership, useSession } from '../session';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  if (!session) return <>{children}</>;
  const items = navigationFor(session);
  // The active item is the one whose path matches the most of the current location (/catalogs/import is not /catalogs).
  const activeTo = items
    .filter(
      (i) =>
        !i.external &&
        (i.to === '/'
          ? location.pathname === '/'
          : location.pathname === i.to || location.pathname.startsWith(i.to + '/')),
    )
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const m = activeMembership(session);
  const sections: { id: NavItem['section']; label?: string }[] = [
    { id: 'main' },
    { id: 'organization' },
    { id: 'admin', label: t('nav.adminSection') },
    { id: 'user' },
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.label')} />
            <Title order={1} size="h4">
              <Link to="/" className="brand">
                {t('app.name')}
              </Link>
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              <SessionControls width={260} />
            </Group>
            <Text size="sm" visibleFrom="md" data-testid="current-user">
              {session.user.displayName}
              {m ? ` · ${t(`role.${m.role}`)}` : session.user.isPlatformAdmin ? ` · ${t('role.platformAdmin')}` : ''}
            </Text>
            <Button size="xs" variant="default" onClick={() => void signOut().then(() => navigate('/'))}>
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {/* On a phone the header has no room: the organization and language switches move into the menu. */}
        <Stack gap="xs" mb="xs" hiddenFrom="sm">
          <SessionControls width="100%" />
        </Stack>
        {m && (
          <Badge variant="light" mb="xs" fullWidth radius="sm" data-testid="org-kind">
            {t(`orgKind.${m.orgKind}`)}
          </Badge>
        )}
        {sections.map((sec) => {
          const list = items.filter((i) => i.section === sec.id);
          if (!list.length) return null;
          return (
            <div key={sec.id} data-testid={`nav-${sec.id}`}>
              {sec.id !== 'main' && <Divider my="xs" />}
              {sec.label && (
                <Text size="xs" c="dimmed" fw={700} px="sm" mb={4}>
                  {sec.label}
                </Text>
              )}
              {list.map((i) =>
                i.external ? (
                  <NavLink
                    key={i.key}
                    href={i.to}
                    label={t(`nav.${i.key}`)}
                    data-nav={i.key}
                    target="_blank"
                    rel="noreferrer"
                  />
                ) : (
                  <NavLink
                    key={i.key}
                    component={Link}
                    to={i.to}
                    label={t(`nav.${i.key}`)}
                    data-nav={i.key}
                    onClick={close}
                    active={i.to === activeTo}
                    aria-current={i.to === activeTo ? 'page' : undefined}
                  />
                ),
              )}
            </div>
          );
        })}
        <VisuallyHidden>{t('app.tagline')}</VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

/** The organization and language switches: in the header on wide screens, in the menu on phones. */
function SessionControls({ width }: { width: number | string }) {
  const { t, i18n } = useTranslation();
  const { session, switchOrg } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  const orgName = (o: { nameJa: string; nameEn: string }) => (i18n.language === 'ja' ? o.nameJa : o.nameEn);
  return (
    <>
      {session.organizations.length > 0 && (
        <Select
          aria-label={t('switcher.label')}
          data-testid="org-switcher"
          size="xs"
          w={width}
          title={(() => {
            const a = session.organizations.find((o) => o.id === session.activeOrgId);
            return a ? orgName(a) : undefined;
          })()}
          allowDeselect={false}
          value={session.activeOrgId}
          data={session.organizations.map((o) => ({ value: o.id, label: orgName(o) }))}
          onChange={(v) => {
            if (v && v !== session.activeOrgId) void switchOrg(v).then(() => navigate('/'));
          }}
        />
      )}
      <SegmentedControl
        size="xs"
        aria-label={t('lang.label')}
        value={i18n.language}
        onChange={(v) => setLanguage(v as Lang)}
        data={[
          { value: 'ja', label: t('lang.ja') },
          { value: 'en', label: t('lang.en') },
        ]}
      />
    </>
  );
}
