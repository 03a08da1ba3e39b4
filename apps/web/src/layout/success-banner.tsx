import { NotificationBanner } from 'nhsuk-react-components';
import { useLocation } from 'react-router';

/**
 * A page reached after a change was saved (`navigate(to, { state: { success } })`) says so first, in the
 * design system's success banner, which takes focus. Rendered by the shell so that any page can be the
 * one reached.
 */
export function SuccessBanner() {
  const { state } = useLocation() as { state: unknown };
  const success =
    typeof state === 'object' && state !== null && 'success' in state && typeof state.success === 'string'
      ? state.success
      : undefined;
  if (!success) return null;
  return (
    <NotificationBanner success>
      <NotificationBanner.Heading>{success}</NotificationBanner.Heading>
    </NotificationBanner>
  );
}
