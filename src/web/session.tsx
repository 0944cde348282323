import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken, type SessionInfo } from './api/client';
import {
  fetchSession,
  passkeySignInRequest,
  sessionKeys,
  signInRequest,
  signOutRequest,
  switchOrgRequest,
} from './api/session';

interface SessionState {
  session: SessionInfo | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  /** Signs in with a discoverable passkey (no email, no password). */
  signInWithPasskey(): Promise<void>;
  signOut(): Promise<void>;
  switchOrg(orgId: string): Promise<void>;
  /** Takes a session the server answered with (after the second sign-in step or enrolling a factor). */
  adopt(s: SessionInfo | null): void;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: sessionKeys.session, queryFn: fetchSession, staleTime: 60_000 });
  const session = q.data ?? null;
  setCsrfToken(session?.csrfToken ?? null);
  const apply = (s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    qc.setQueryData(sessionKeys.session, s);
  };
  const signInM = useMutation({ mutationFn: signInRequest });
  const value: SessionState = {
    session,
    loading: q.isLoading,
    async signIn(email, password) {
      const s = await signInM.mutateAsync({ email, password });
      qc.clear();
      apply(s);
    },
    async signInWithPasskey() {
      const s = await passkeySignInRequest();
      // As in `adopt`: the session query stays (this provider watches it; nothing else re-renders it here).
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.session[0] });
      apply(s);
    },
    async signOut() {
      await signOutRequest();
      qc.clear();
      apply(null);
    },
    async switchOrg(orgId) {
      const s = await switchOrgRequest(orgId);
      // Everything cached was read for the previous organization.
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.session[0] });
      apply(s);
    },
    adopt(s) {
      // Everything else cached was read by the session before it was signed in; the session query itself stays
      // (clearing it would leave this provider watching a query that is gone).
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.session[0] });
      apply(s);
    },
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function activeMembership(s: SessionInfo | null) {
  return s?.memberships.find((m) => m.orgId === s.activeOrgId) ?? null;
}
