import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiProblem } from './api/client';
import { Shell } from './layout/shell';
import { DashboardPage } from './pages/dashboard-page';
import { NotFoundPage } from './pages/not-found-page';
import { PracticePage } from './pages/practice-page';
import { PracticesPage } from './pages/practices-page';
import { ServiceErrorPage } from './pages/service-error-page';
import { SignInPage } from './pages/sign-in-page';
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
        path: '/',
        element: (
          <RequireSession>
            <DashboardPage />
          </RequireSession>
        ),
      },
      {
        path: '/practices',
        element: (
          <RequireSession>
            <PracticesPage />
          </RequireSession>
        ),
      },
      {
        path: '/practices/:code',
        element: (
          <RequireSession>
            <PracticePage />
          </RequireSession>
        ),
      },
      // The admin pages: admins only (anyone else signed in gets "not allowed").
      {
        path: '/admin',
        element: (
          <RequireAdmin>
            <AdminPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/users',
        element: (
          <RequireAdmin>
            <AdminUsersPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/users/new',
        element: (
          <RequireAdmin>
            <AdminUserNewPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/users/:id',
        element: (
          <RequireAdmin>
            <AdminUserPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/imports',
        element: (
          <RequireAdmin>
            <AdminImportsPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/imports/:id',
        element: (
          <RequireAdmin>
            <AdminImportPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/audit',
        element: (
          <RequireAdmin>
            <AdminAuditPage />
          </RequireAdmin>
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
