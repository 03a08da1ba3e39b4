import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { ApiProblem } from './api/client';
import { Shell } from './layout/shell';
import { DashboardPage } from './pages/dashboard-page';
import { FollowUpPage } from './pages/follow-up-page';
import { FollowUpsPage } from './pages/follow-ups-page';
import { RemindersPage } from './pages/reminders-page';
import { NotFoundPage } from './pages/not-found-page';
import { PracticeEditPage } from './pages/practice-edit-page';
import { PracticePage } from './pages/practice-page';
import { PracticesPage } from './pages/practices-page';
import { ServiceErrorPage } from './pages/service-error-page';
import { SignInPage } from './pages/sign-in-page';
import { StatusChangePage } from './pages/status-change-page';
import { RequireAdmin } from './admin/require-admin';
import { AdminPage } from './pages/admin-page';
import { AdminUsersPage } from './pages/admin-users-page';
import { AdminUserNewPage } from './pages/admin-user-new-page';
import { AdminUserPage } from './pages/admin-user-page';
import { AdminImportsPage } from './pages/admin-imports-page';
import { AdminImportPage } from './pages/admin-import-page';
import { AdminAuditPage } from './pages/admin-audit-page';
import { RequireSession } from './session/require-session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Figures for a past date do not change while the page is open; a new date is a new query.
      staleTime: 5 * 60_000,
      // A 4xx will not go away by asking again.
      retry: (failures, err) => !(err instanceof ApiProblem && err.status < 500) && failures < 2,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Shell />,
    errorElement: <ServiceErrorPage />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      {
        // Every other page is for signed-in users.
        element: (
          <RequireSession>
            <Outlet />
          </RequireSession>
        ),
        children: [
          { path: '/', element: <DashboardPage /> },
          { path: '/practices', element: <PracticesPage /> },
          { path: '/practices/:code', element: <PracticePage /> },
          { path: '/practices/:code/status/new', element: <StatusChangePage /> },
          { path: '/practices/:code/edit', element: <PracticeEditPage /> },
          { path: '/follow-ups', element: <FollowUpsPage /> },
          { path: '/follow-ups/:id', element: <FollowUpPage /> },
          { path: '/reminders', element: <RemindersPage /> },
          {
            // Admins only: anyone else signed in gets "not allowed" (the API answers them 403 anyway).
            element: (
              <RequireAdmin>
                <Outlet />
              </RequireAdmin>
            ),
            children: [
              { path: '/admin', element: <AdminPage /> },
              { path: '/admin/users', element: <AdminUsersPage /> },
              { path: '/admin/users/new', element: <AdminUserNewPage /> },
              { path: '/admin/users/:id', element: <AdminUserPage /> },
              { path: '/admin/imports', element: <AdminImportsPage /> },
              { path: '/admin/imports/:id', element: <AdminImportPage /> },
              { path: '/admin/audit', element: <AdminAuditPage /> },
            ],
          },
        ],
      },
      {
        path: '/practices/:code/status/new',
        element: (
          <RequireSession>
            <StatusChangePage />
          </RequireSession>
        ),
      },
      {
        path: '/practices/:code/edit',
        element: (
          <RequireSession>
            <PracticeEditPage />
          </RequireSession>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
