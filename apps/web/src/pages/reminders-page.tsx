import '../follow-ups/follow-ups.css';
import { Button } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import { dateTimeText } from '../common/formats';
import { Pagination } from '../common/pagination';
import { ApiErrorSummary, Loading } from '../layout/status';
import { useTitle } from '../layout/use-title';
import { REMINDERS_PAGE_SIZE, useMarkRead, useReminders, useUnreadCount } from '../reminders/queries';

const COUNT = new Intl.NumberFormat('en-GB');

/**
 * The signed-in user's reminders, newest first (the worker's due reminders, digests and escalations, as
 * e-mailed): all or only the unread ones (`?show=unread`), paged, each marked read with a button.
 */
export function RemindersPage() {
  const [params] = useSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  useTitle(`Reminders${unreadOnly ? ', unread' : ''}${page > 1 ? `, page ${page}` : ''}`);
  const list = useReminders(page, unreadOnly);
  const unread = useUnreadCount(true);
  const markRead = useMarkRead();

  const hrefOf = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    return `?${next.toString()}`;
  };

  return (
    <>
      <h1 className="nhsuk-heading-xl">Reminders</h1>
      <ul className="nhsuk-list app-inline-list" aria-label="Show">
        <li>{unreadOnly ? <Link to="/reminders">All reminders</Link> : <strong>All reminders</strong>}</li>
        <li>{unreadOnly ? <strong>Unread only</strong> : <Link to="/reminders?show=unread">Unread only</Link>}</li>
      </ul>
      {unread.isSuccess && (
        <p className="nhsuk-body" role="status">
          {unread.data === 0 ? 'You have no unread reminders.' : `You have ${COUNT.format(unread.data)} unread.`}
        </p>
      )}
      {markRead.isError && <ApiErrorSummary title="The reminder could not be marked as read" error={markRead.error} />}
      {unread.isSuccess && unread.data > 0 && (
        <Button type="button" secondary disabled={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
          Mark all as read
        </Button>
      )}
      {list.isPending && <Loading what="your reminders" />}
      {list.isError && (
        <ApiErrorSummary
          title="Your reminders could not be loaded"
          error={list.error}
          retry={() => void list.refetch()}
        />
      )}
      {list.isSuccess && list.data.items.length === 0 && (
        <p className="nhsuk-body">{unreadOnly ? 'Nothing unread.' : 'You have no reminders yet.'}</p>
      )}
      {list.isSuccess && list.data.items.length > 0 && (
        <ul className="nhsuk-list app-reminders" aria-label="Reminders, newest first">
          {list.data.items.map((r) => (
            <li key={r.id} className={`app-reminder${r.readAt ? '' : ' app-reminder--unread'}`}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                {!r.readAt && (
                  <>
                    <strong className="nhsuk-tag nhsuk-tag--blue">Unread</strong>{' '}
                  </>
                )}
                {r.subject}
              </h2>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                <time dateTime={r.createdAt}>{dateTimeText(r.createdAt)}</time>
                {r.readAt ? `, read ${dateTimeText(r.readAt)}` : ''}
              </p>
              <p className="nhsuk-body app-reminder__body">{r.body}</p>
              {!r.readAt && (
                <Button
                  type="button"
                  secondary
                  small
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate(r.id)}
                  aria-label={`Mark as read: ${r.subject}`}
                >
                  Mark as read
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.isSuccess && (
        <Pagination
          page={list.data.page}
          pageSize={REMINDERS_PAGE_SIZE}
          total={list.data.total}
          hrefOf={hrefOf}
          label="Pages of reminders"
        />
      )}
    </>
  );
}
