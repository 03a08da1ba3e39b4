import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiProblem } from './api/client';
import { Shell } from './layout/shell';
import { DashboardPage } from './pages/dashboard-page';
import { FollowUpPage } from './pages/follow-up-page';
import { FollowUpsPage } from './pages/follow-ups-page';
import { RemindersPage } from './pages/reminders-page';
import { NotFoundPage } from './pages/not-found-page';
import { ServiceErrorPage } from './pages/service-error-page';
import { SignInPage } from './pages/sign-in-page';
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
        path: '/follow-ups',
        element: (
          <RequireSession>
            <FollowUpsPage />
          </RequireSession>
        ),
      },
      {
        path: '/follow-ups/:id',
        element: (
          <RequireSession>
            <FollowUpPage />
          </RequireSession>
        ),
      },
      {
        path: '/reminders',
        element: (
          <RequireSession>
            <RemindersPage />
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
