import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiProblem } from './api/client';
import { Shell } from './layout/shell';
import { DashboardPage } from './pages/dashboard-page';
import { NotFoundPage } from './pages/not-found-page';
import { PracticeEditPage } from './pages/practice-edit-page';
import { ServiceErrorPage } from './pages/service-error-page';
import { SignInPage } from './pages/sign-in-page';
import { StatusChangePage } from './pages/status-change-page';
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
