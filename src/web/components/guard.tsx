import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useSession } from '../session';
import { canOpen, type GuardedPage } from '../nav';
import { NotFound } from './status';

/**
 * A page the caller may not use is not found, also when opened by URL: the same abilities that hide it from the
 * navigation keep its form from rendering (the server refuses the request anyway).
 */
export function Guard({ page, children }: { page: GuardedPage; children: ReactNode }) {
  const { session } = useSession();
  const { id } = useParams();
  return session && canOpen(session, page, id) ? <>{children}</> : <NotFound />;
}
