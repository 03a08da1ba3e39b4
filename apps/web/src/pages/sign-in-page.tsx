import { type FormEvent, useState } from 'react';
import { Button, InsetText, TextInput } from 'nhsuk-react-components';
import { Navigate, useSearchParams } from 'react-router';
import { plainApi } from '../api/plain-client';
import { FormErrorSummary } from '../common/error-summary';
import { formText } from '../common/form-text';
import { useTitle } from '../layout/use-title';
import { session } from '../session/session-store';
import { useSession } from '../session/use-session';

type Field = 'email' | 'password';
interface Problems {
  /** The summary's lines, each linking to its field (or to the form when it is about both). */
  summary: { field: Field; message: string }[];
  /** The message beside a field. */
  email?: string;
  password?: string;
  /** The API's own words, above the list (a throttled sign-in: what to do besides waiting). */
  detail?: string;
}

/** Only a path of this app: a `next` pointing elsewhere is dropped (no open redirect). */
const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : '/');

const minutes = (seconds: number) => {
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minute' : `${m} minutes`;
};

/** NHS sign-in form: an error summary at the top and the message at each field (design system pattern). */
export function SignInPage() {
  const state = useSession();
  const [params] = useSearchParams();
  const [problems, setProblems] = useState<Problems | undefined>();
  const [sending, setSending] = useState(false);
  useTitle('Sign in', problems !== undefined);

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { text } = formText(event.currentTarget);
    const email = text('email').trim();
    const password = text('password');
    const empty: Problems = { summary: [] };
    if (!email) empty.email = 'Enter your e-mail address';
    if (!password) empty.password = 'Enter your password';
    for (const field of ['email', 'password'] as const)
      if (empty[field]) empty.summary.push({ field, message: empty[field] });
    if (empty.summary.length) return setProblems(empty);

    setSending(true);
    try {
      const { data, error, response } = await plainApi.POST('/api/v1/auth/session', { body: { email, password } });
      if (data) {
        setProblems(undefined);
        session.started(data);
        return;
      }
      const message = error?.message ?? 'Sign-in is not working at the moment: try again later';
      const retryAfter = Number(response.headers.get('Retry-After'));
      if (response.status === 429 && retryAfter > 0) {
        const locked = /account/.test(message);
        const wait = `Try again in ${minutes(retryAfter)}.`;
        const text = locked
          ? `Too many unsuccessful sign-ins for this account. ${wait}`
          : `Too many sign-in attempts. ${wait}`;
        return setProblems({ summary: [{ field: 'email', message: text }], email: text, detail: message });
      }
      if (response.status === 401) {
        // One message at the summary and the field, as the design system asks; which of the two was wrong is
        // not said (that would tell a stranger which addresses have accounts).
        const text = 'Enter the right e-mail address and password';
        return setProblems({ summary: [{ field: 'email', message: text }], email: text });
      }
      return setProblems({ summary: [{ field: 'email', message }] });
    } catch {
      setProblems({
        summary: [{ field: 'email', message: 'The tracker cannot be reached: check your connection and try again' }],
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {problems && (
          <FormErrorSummary
            lines={problems.summary.map((p) => ({ href: `#${p.field}`, message: p.message }))}
            detail={problems.detail && <p>{problems.detail}</p>}
          />
        )}
        <h1 className="nhsuk-heading-xl">Sign in</h1>
        {state.status === 'signed-out' && state.reason && (
          <InsetText role="status">
            <p>{state.reason}</p>
          </InsetText>
        )}
        <p className="nhsuk-body">Sign in with the e-mail address and password of your tracker account.</p>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextInput
            id="email"
            name="email"
            type="email"
            label="E-mail address"
            autoComplete="username"
            spellCheck={false}
            error={problems?.email}
          />
          <TextInput
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            error={problems?.password}
          />
          <Button type="submit" disabled={sending}>
            Sign in
          </Button>
        </form>
      </div>
    </div>
  );
}
