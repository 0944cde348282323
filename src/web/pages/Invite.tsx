import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { registerByInvitation, useAnswerInvitation, useInvitationLink, type InvitationLink } from '../api/invitations';
import { InvitationOffer, offerOf } from '../components/invitation-card';
import { ErrorAlert, Loading } from '../components/status';
import { useSession } from '../session';

/**
 * The page an invitation link opens (`/invite#<token>`; the token stays in the fragment, which browsers never send
 * to a server). Without an account the person creates one; with one they sign in as that account and answer.
 */
export function Invite() {
  const { t } = useTranslation();
  const token = useLocation().hash.replace(/^#/, '');
  const link = useInvitationLink(token);
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={520} radius="md">
        <Stack>
          <Title order={1} size="h3">
            {t('invite.yours')}
          </Title>
          {!token || (link.error instanceof ApiError && link.error.status === 404) ? (
            <Alert color="yellow" role="alert">
              {t('invite.invalid')}
            </Alert>
          ) : link.error ? (
            <ErrorAlert error={link.error} />
          ) : link.isLoading || !link.data ? (
            <Loading />
          ) : (
            <Answer token={token} view={link.data} />
          )}
          <Button component={Link} to="/" variant="subtle" w="fit-content">
            {t('invite.goHome')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

function Answer({ token, view }: { token: string; view: InvitationLink }) {
  const { t } = useTranslation();
  const { session, signIn, signOut } = useSession();
  const answer = useAnswerInvitation();
  const [done, setDone] = useState<'accept' | 'decline' | null>(null);
  const offer = offerOf(view);
  const org = view.organization;

  if (done) return <AnswerDone answer={done} org={org} />;
  if (session && session.user.email === view.email) {
    return (
      <>
        <InvitationOffer
          offer={offer}
          busy={answer.isPending}
          onAnswer={(a) => answer.mutate({ id: view.id, answer: a }, { onSuccess: () => setDone(a) })}
        />
        {answer.error && <ErrorAlert error={answer.error} />}
      </>
    );
  }
  if (session) {
    return (
      <>
        <InvitationOffer offer={offer} />
        <Alert color="yellow">{t('invite.wrongAccount', { me: session.user.email, email: view.email })}</Alert>
        <Button variant="light" w="fit-content" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Button>
      </>
    );
  }
  return (
    <>
      <InvitationOffer offer={offer} />
      {view.needsAccount ? (
        <CreateAccount token={token} email={view.email} signIn={signIn} />
      ) : (
        <SignInAs email={view.email} signIn={signIn} />
      )}
    </>
  );
}

function AnswerDone({ answer, org }: { answer: 'accept' | 'decline'; org: InvitationLink['organization'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="green" role="status">
      {answer === 'accept'
        ? t('invite.accepted', { org: i18n.language === 'ja' ? org.nameJa : org.nameEn })
        : t('invite.declined')}
    </Alert>
  );
}

function SignInAs({ email, signIn }: { email: string; signIn: (email: string, password: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('invite.signInToAnswer', { email })}</Text>
        {error instanceof ApiError && error.code === 'invalid_credentials' ? (
          <Alert color="red" role="alert">
            {t('auth.invalid')}
          </Alert>
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
        <TextInput label={t('auth.email')} type="email" autoComplete="username" value={email} readOnly />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit">{t('auth.signIn')}</Button>
      </Stack>
    </form>
  );
}

function CreateAccount({
  token,
  email,
  signIn,
}: {
  token: string;
  email: string;
  signIn: (email: string, password: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await registerByInvitation({ token, displayName, password });
      await signIn(email, password);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Title order={2} size="h5">
          {t('invite.createAccount')}
        </Title>
        {error ? <ErrorAlert error={error} /> : null}
        <TextInput label={t('auth.email')} type="email" autoComplete="username" value={email} readOnly />
        <TextInput
          label={t('users.displayName')}
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('users.initialPassword')}
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={busy}>
          {t('invite.createSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
