import type { ReactNode } from 'react';
import { RequireSession } from '../session/require-session';
import { useSession } from '../session/use-session';
import { NotAllowedPage } from '../pages/not-allowed-page';

/** An admin page: signed out, the sign-in page; signed in as anyone else, a plain "not allowed" page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <AdminOnly>{children}</AdminOnly>
    </RequireSession>
  );
}

function AdminOnly({ children }: { children: ReactNode }) {
  const state = useSession();
  if (state.status !== 'signed-in' || state.user.role !== 'admin') return <NotAllowedPage />;
  return children;
}
