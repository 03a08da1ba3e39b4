import '../follow-ups/follow-ups.css';
import { NotificationBanner, SummaryList } from 'nhsuk-react-components';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../api/client';
import { mayWriteIn } from '../follow-ups/access';
import { History } from '../follow-ups/history';
import { dateText, isActive } from '../follow-ups/labels';
import { StateTag } from '../follow-ups/state-tag';
import { dateTimeText } from '../common/formats';
import { SERVICE_NAMES } from '../common/words';
import { PracticeLink } from '../common/practice-link';
import { useFollowUp } from '../follow-ups/queries';
import { BarrierForm, CloseForm, ContactForm, DueDateForm, OwnerForm } from '../follow-ups/write-forms';
import { ApiErrorSummary, Loading } from '../layout/status';
import { useTitle } from '../layout/use-title';
import { useSession } from '../session/use-session';
import { NotFoundPage } from './not-found-page';

/**
 * One follow-up: its practice, state, owner and due date; the forms that move it on (for those who may
 * write in its region, while it is still to do); its history.
 */
export function FollowUpPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0 && id <= 2_147_483_647;
  if (!valid) return <NotFoundPage />;
  return <FollowUp key={id} id={id} />;
}

function FollowUp({ id }: { id: number }) {
  const session = useSession();
  const followUp = useFollowUp(id);
  const [notice, setNotice] = useState<{ text: string; n: number } | undefined>();
  const f = followUp.data;
  useTitle(f ? `Follow-up with ${f.practice.name}` : 'Follow-up', followUp.isError);

  if (followUp.isError && followUp.error instanceof ApiProblem && followUp.error.status === 404)
    return <NotFoundPage />;
  if (followUp.isPending) return <Loading what="the follow-up" />;
  if (followUp.isError)
    return (
      <ApiErrorSummary
        title="The follow-up could not be loaded"
        error={followUp.error}
        retry={() => void followUp.refetch()}
      />
    );

  const data = followUp.data;
  const writable =
    session.status === 'signed-in' && isActive(data.state) && mayWriteIn(session.user, data.practice.regionCode);
  // Each change its own banner (keyed), so a second contact recorded is announced again.
  const done = (text: string) => setNotice((n) => ({ text, n: (n?.n ?? 0) + 1 }));

  return (
    <>
      <Link to="/follow-ups" className="nhsuk-back-link">
        Follow-ups
      </Link>
      {notice && (
        <NotificationBanner success key={notice.n}>
          <NotificationBanner.Heading>{notice.text}</NotificationBanner.Heading>
        </NotificationBanner>
      )}
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">Follow-up</span>
        {data.practice.name}
      </h1>
      <SummaryList>
        <Row label="Practice">
          <PracticeLink code={data.practice.code} name={data.practice.name} /> ({data.practice.code}), CCG{' '}
          {data.practice.ccgCode}, region {data.practice.regionCode}
        </Row>
        <Row label="Services not offered">
          <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
            {data.servicesNotOffered.map((s) => (
              <li key={s}>{SERVICE_NAMES[s]}</li>
            ))}
          </ul>
        </Row>
        <Row label="State">
          <StateTag state={data.state} />
        </Row>
        <Row label="Owner">{data.ownerName ?? 'Nobody'}</Row>
        <Row label="Due">
          {dateText(data.dueDate)}
          {data.overdue && (
            <>
              {' '}
              <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
            </>
          )}
        </Row>
        <Row label="Last contact">{data.lastContactAt ? dateTimeText(data.lastContactAt) : 'None yet'}</Row>
        {data.closedAt && (
          <Row label={data.state === 'resolved' ? 'Resolved' : 'Cancelled'}>
            {dateTimeText(data.closedAt)}: {data.closeNote}
          </Row>
        )}
      </SummaryList>

      {writable && (
        <div className="app-follow-up-forms">
          <ContactForm followUp={data} onDone={done} />
          <BarrierForm followUp={data} onDone={done} />
          <DueDateForm followUp={data} onDone={done} />
          <OwnerForm key={String(data.ownerId)} followUp={data} onDone={done} />
          <CloseForm followUp={data} onDone={done} />
        </div>
      )}
      <History followUp={data} />
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value>{children}</SummaryList.Value>
    </SummaryList.Row>
  );
}
