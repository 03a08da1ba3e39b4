import { type FormEvent, useState } from 'react';
import { Button, InsetText, SummaryList, Tag, TextInput, WarningCallout } from 'nhsuk-react-components';
import { Link, useParams, useSearchParams } from 'react-router';
import { type FormProblems, noProblems, problemsFromApi, addProblem } from '../admin/form-problems';
import { FormErrorSummary } from '../common/error-summary';
import { formText } from '../common/form-text';
import { dateTime, ROLE_NAMES } from '../admin/formats';
import { useDeactivateUser, useResetPassword, useUser } from '../admin/users';
import { ApiErrorSummary, Loading } from '../layout/status';
import { useTitle } from '../layout/use-title';
import type { User } from '../api/client';

/** One user: who they are, and an admin's two actions on them (deactivate, reset the password). */
export function AdminUserPage() {
  const id = Number(useParams().id);
  const user = useUser(id);
  const [params] = useSearchParams();
  useTitle(user.data ? user.data.name : 'User', user.isError);
  if (user.isError)
    return <ApiErrorSummary title="The user cannot be shown" error={user.error} retry={() => void user.refetch()} />;
  if (!user.data) return <Loading what="the user" />;
  const u = user.data;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-xl">
          <span className="nhsuk-caption-l">User</span>
          {u.name}
        </h1>
        {params.get('created') && (
          <InsetText role="status">
            <p>
              {u.name} has been added. Tell them their first password by phone or in person, and ask them to change it
              after signing in.
            </p>
          </InsetText>
        )}
        <SummaryList>
          <SummaryList.Row>
            <SummaryList.Key>E-mail address</SummaryList.Key>
            <SummaryList.Value>{u.email}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Role</SummaryList.Key>
            <SummaryList.Value>{ROLE_NAMES[u.role]}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Region</SummaryList.Key>
            <SummaryList.Value>{u.regionCode ?? 'None'}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Status</SummaryList.Key>
            <SummaryList.Value>
              {u.active ? <Tag modifier="green">Active</Tag> : <Tag modifier="grey">Deactivated</Tag>}
            </SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Added</SummaryList.Key>
            <SummaryList.Value>{dateTime(u.createdAt)}</SummaryList.Value>
          </SummaryList.Row>
        </SummaryList>
        {u.active && <ResetPassword user={u} />}
        {u.active && <Deactivate user={u} />}
        <p className="nhsuk-body">
          <Link to="/admin/users">Back to users</Link>
        </p>
      </div>
    </div>
  );
}

/**
 * The admin sets a new password (the API takes it; it never sends one back). Their sessions end at once
 * and a sign-in lock-out is lifted; the page then says how to hand the password over.
 */
function ResetPassword({ user }: { user: User }) {
  const reset = useResetPassword(user.id);
  const [problems, setProblems] = useState<FormProblems>(noProblems());
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const password = formText(formEl).text('newPassword');
    setDone(false);
    if (!password) return setProblems(addProblem(noProblems(), 'newPassword', 'Enter a new password'));
    try {
      await reset.mutateAsync(password);
      setProblems(noProblems());
      setDone(true);
      formEl.reset();
    } catch (err) {
      setProblems(problemsFromApi(err, { password: 'newPassword' }, 'newPassword'));
    }
  };
  return (
    <section aria-labelledby="reset-heading">
      <h2 className="nhsuk-heading-m" id="reset-heading">
        Reset their password
      </h2>
      <FormErrorSummary lines={problems.summary} />
      {done && (
        <InsetText role="status">
          <p>
            The password of {user.name} has been reset and every session of theirs has ended. Tell them the new password
            by phone or in person, never by e-mail, and ask them to change it after signing in.
          </p>
        </InsetText>
      )}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput
          id="newPassword"
          name="newPassword"
          type="password"
          label="New password"
          hint="At least 12 characters"
          autoComplete="new-password"
          error={problems.byField.newPassword}
        />
        <Button type="submit" secondary disabled={reset.isPending}>
          Reset password
        </Button>
      </form>
    </section>
  );
}

/** Deactivation asks first: the person is signed out everywhere at once and cannot sign in again. */
function Deactivate({ user }: { user: User }) {
  const deactivate = useDeactivateUser(user.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="deactivate-heading">
      <h2 className="nhsuk-heading-m" id="deactivate-heading">
        Deactivate this user
      </h2>
      {deactivate.isError && <ApiErrorSummary title="The user was not deactivated" error={deactivate.error} />}
      {!confirming ? (
        <Button type="button" warning onClick={() => setConfirming(true)}>
          Deactivate user
        </Button>
      ) : (
        <WarningCallout>
          <WarningCallout.Heading headingLevel="h3">Deactivate {user.name}?</WarningCallout.Heading>
          <p>They are signed out at once, everywhere, and cannot sign in again. What they recorded keeps their name.</p>
          <div className="nhsuk-button-group">
            <Button type="button" warning disabled={deactivate.isPending} onClick={() => deactivate.mutate()}>
              Yes, deactivate {user.name}
            </Button>
            <Button type="button" secondary onClick={() => setConfirming(false)}>
              No, keep them active
            </Button>
          </div>
        </WarningCallout>
      )}
    </section>
  );
}
