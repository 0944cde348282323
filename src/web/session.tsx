import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, type SessionInfo } from './api/client';

interface SessionState {
  session: SessionInfo | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  switchOrg(orgId: string): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await api<SessionInfo>('GET', '/auth/session');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000 });
  const session = q.data ?? null;
  setCsrfToken(session?.csrfToken ?? null);
  const apply = (s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    qc.setQueryData(['session'], s);
  };
  const signInM = useMutation({ mutationFn: (v: { email: string; password: string }) => api<SessionInfo>('POST', '/auth/login', v) });
  const value: SessionState = {
    session,
    loading: q.isLoading,
    async signIn(email, password) {
      const s = await signInM.mutateAsync({ email, password });
      qc.clear();
      apply(s);
    },
    async signOut() {
      await api('POST', '/auth/logout');
      qc.clear();
      apply(null);
    },
    async switchOrg(orgId) {
      const s = await api<SessionInfo>('PUT', '/auth/session/organization', { orgId });
      // Everything cached was read for the previous organization.
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
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
