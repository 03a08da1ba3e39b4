import '../follow-ups/follow-ups.css';
import { useUnreadCount } from './queries';

export const REMINDERS_HREF = '/reminders';

const COUNT = new Intl.NumberFormat('en-GB');

/**
 * The unread count beside "Reminders" in the header, on every page, as a tag in words: the link then reads
 * "Reminders 3 unread", seen and heard alike. Nothing when there are none, or before the count is in.
 */
export function useUnreadReminders(signedIn: boolean) {
  const unread = useUnreadCount(signedIn);
  if (!signedIn || !unread.isSuccess || unread.data === 0) return undefined;
  return (
    <>
      {' '}
      <strong className="nhsuk-tag nhsuk-tag--white app-unread-count">{COUNT.format(unread.data)} unread</strong>
    </>
  );
}
