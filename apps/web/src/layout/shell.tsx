import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { plainApi } from '../api/plain-client';
import { session } from '../session/session-store';
import { useSession } from '../session/use-session';
import { navItemsFor } from './navigation';
import { PageLayout } from './page-layout';
import { REMINDERS_HREF, useUnreadReminders } from '../reminders/unread-reminders';
import { SuccessBanner } from './success-banner';

/** Every page: the NHS layout, the account links when signed in, and the document title per page. */
export function Shell() {
  const state = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const location = useLocation();
  const unreadReminders = useUnreadReminders(state.status === 'signed-in');

  const firstPage = useRef(true);
  useEffect(() => {
    // Another page of the app: focus its main content, as a screen reader user expects after a link. Not
    // on the first page, where the skip link must stay the first thing the Tab key reaches.
    if (firstPage.current) firstPage.current = false;
    else document.getElementById('maincontent')?.focus({ preventScroll: true });
  }, [location.pathname]);

  const signOut = async () => {
    // Signed out here first: the requests still on their way then cannot refresh the session back.
    session.ended('You have signed out.');
    await plainApi.POST('/api/v1/auth/session/sign-out').catch(() => undefined);
    queries.clear();
    await navigate('/sign-in');
  };

  return (
    <PageLayout
      account={state.status === 'signed-in' ? { name: state.user.name, onSignOut: () => void signOut() } : undefined}
      navigation={state.status === 'signed-in' ? navItemsFor(state.user.role) : undefined}
      itemExtra={(item) => (item.href === REMINDERS_HREF ? unreadReminders : undefined)}
    >
      <SuccessBanner />
      <Outlet />
    </PageLayout>
  );
}
