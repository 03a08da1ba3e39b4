import { type FormEvent, useState } from 'react';
import { Button, Radios, Select, TextInput } from 'nhsuk-react-components';
import { Link, useNavigate } from 'react-router';
import { addProblem, type FormProblems, noProblems, problemsFromApi } from '../admin/form-problems';
import { FormErrorSummary } from '../common/error-summary';
import { formText } from '../common/form-text';
import { type CreateUser, useCreateUser } from '../admin/users';
import { useRegions } from '../dashboard/area-select';
import { useTitle } from '../layout/use-title';

const REGION_HINT =
  "Support staff change practices only in their region; with none, everywhere. Managers hear about their region's " +
  'overdue follow-ups.';
const PASSWORD_HINT =
  'At least 12 characters. Tell them by phone or in person, never by e-mail; they change it after signing in.';

/** The API's field → the form's input (the summary links to it). */
const FIELDS = { email: 'email', name: 'name', role: 'role', regionCode: 'regionCode', password: 'password' };

/**
 * A new user: name, e-mail, role, region and a first password. The API's rules decide (e-mail taken, a
 * password too short, an unknown region): its problems are shown against their fields.
 */
export function AdminUserNewPage() {
  const [problems, setProblems] = useState<FormProblems>(noProblems());
  const create = useCreateUser();
  const navigate = useNavigate();
  const regions = useRegions();
  const failed = problems.summary.length > 0;
  useTitle('Add a user', failed);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { text } = formText(event.currentTarget);
    const found = noProblems();
    if (!text('name').trim()) addProblem(found, 'name', 'Enter their full name');
    if (!text('email').trim()) addProblem(found, 'email', 'Enter their e-mail address');
    if (!text('role')) addProblem(found, 'role', 'Choose a role');
    if (!text('password')) addProblem(found, 'password', 'Enter a first password');
    if (found.summary.length) return setProblems(found);
    const body: CreateUser = {
      name: text('name').trim(),
      email: text('email').trim(),
      role: text('role') as CreateUser['role'],
      regionCode: text('regionCode') || null,
      password: text('password'),
    };
    try {
      const user = await create.mutateAsync(body);
      await navigate(`/admin/users/${user.id}?created=1`);
    } catch (err) {
      // 409: the e-mail address is taken (the API's message says so).
      setProblems(problemsFromApi(err, FIELDS, 'name', { 409: 'email' }));
      document.getElementById('maincontent')?.scrollIntoView();
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary lines={problems.summary} />
        <h1 className="nhsuk-heading-xl">
          <span className="nhsuk-caption-l">Admin</span>
          Add a user
        </h1>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextInput id="name" name="name" label="Full name" autoComplete="off" error={problems.byField.name} />
          <TextInput
            id="email"
            name="email"
            type="email"
            label="E-mail address"
            hint="They sign in with it, for example jane.smith@nhs.net"
            autoComplete="off"
            spellCheck={false}
            error={problems.byField.email}
          />
          <Radios id="role" name="role" legend="Role" legendProps={{ size: 's' }} error={problems.byField.role}>
            <Radios.Item value="support" hint="Update practices, statuses and follow-ups (in their region, if any)">
              Support
            </Radios.Item>
            <Radios.Item value="manager" hint="Read everything, reports included; change nothing">
              Manager
            </Radios.Item>
            <Radios.Item value="admin" hint="Everything, users and imports included">
              Admin
            </Radios.Item>
          </Radios>
          <Select
            id="regionCode"
            name="regionCode"
            label="Region"
            hint={REGION_HINT}
            error={problems.byField.regionCode}
          >
            <Select.Option value="">No region</Select.Option>
            {regions.data?.map((r) => (
              <Select.Option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </Select.Option>
            ))}
          </Select>
          <TextInput
            id="password"
            name="password"
            type="password"
            label="First password"
            hint={PASSWORD_HINT}
            autoComplete="new-password"
            error={problems.byField.password}
          />
          <Button type="submit" disabled={create.isPending}>
            Add user
          </Button>
        </form>
        <p className="nhsuk-body">
          <Link to="/admin/users">Back to users</Link>
        </p>
      </div>
    </div>
  );
}
