import { type FormEvent, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DateInput, ErrorSummary, Select, TextInput } from 'nhsuk-react-components';
import { useNavigate, useParams } from 'react-router';
import { api, ApiProblem, dataOr, type User } from '../api/client';
import { practicePath } from '../common/practice-link';
import type { components } from '../api/schema';
import { formText } from '../common/form-text';
import { useTitle } from '../layout/use-title';
import { longDate } from '../common/formats';
import { type DateParts, isEmpty, isoDate, partsOf } from '../common/dates';
import '../practice-writes/practice-writes.css';
import { PracticeFormHead } from '../practice-writes/form-head';
import { PracticeWriteGate } from '../practice-writes/practice-gate';
import { addProblem, type FieldInputs, noProblems, type Problems, problemsFromApi } from '../practice-writes/problems';
import type { Practice } from '../practice-writes/use-practice';
import { CLINICAL_SYSTEMS, type ClinicalSystem } from '../common/words';

type Update = components['schemas']['UpdatePracticeDto'];
type Field = 'name' | 'postcode' | 'ccgCode' | 'clinicalSystem' | 'openedOn' | 'closedOn';
const FIELDS: Field[] = ['name', 'postcode', 'ccgCode', 'clinicalSystem', 'openedOn', 'closedOn'];
const INPUTS: FieldInputs<Field> = {
  name: { label: 'Name', anchor: 'name' },
  postcode: { label: 'Postcode', anchor: 'postcode' },
  ccgCode: { label: 'CCG', anchor: 'ccgCode' },
  clinicalSystem: { label: 'Clinical system', anchor: 'clinicalSystem' },
  openedOn: { label: 'Date opened', anchor: 'openedOn-day' },
  closedOn: { label: 'Date closed', anchor: 'closedOn-day' },
};

/** The form's values as typed: text, and each date as its three boxes. */
interface Values {
  name: string;
  postcode: string;
  ccgCode: string;
  clinicalSystem: string;
  openedOn: DateParts;
  closedOn: DateParts;
}

const valuesOf = (p: Practice): Values => ({
  name: p.name,
  postcode: p.postcode ?? '',
  ccgCode: p.ccgCode,
  clinicalSystem: p.clinicalSystem,
  openedOn: partsOf(p.openedOn),
  closedOn: partsOf(p.closedOn),
});

/** One field's value as text to compare and to show ("" for none); a date as YYYY-MM-DD when it is one. */
function textOf(values: Values, field: Field): string {
  const value = values[field];
  if (typeof value === 'string') return field === 'postcode' ? value.trim().toUpperCase() : value.trim();
  if (isEmpty(value)) return '';
  const date = isoDate('', value);
  return 'date' in date ? date.date : `${value.day}/${value.month}/${value.year}`;
}

const shown = (field: Field, text: string) =>
  text === '' ? 'None' : (field === 'openedOn' || field === 'closedOn') && /^\d{4}-/.test(text) ? longDate(text) : text;

/** /practices/:code/edit — the practice's details, saved with the version they were read at. */
export function PracticeEditPage() {
  const { code = '' } = useParams();
  return (
    <PracticeWriteGate code={code} title="Change the practice’s details">
      {(practice, user) => <PracticeEdit practice={practice} user={user} />}
    </PracticeWriteGate>
  );
}

interface Conflict {
  /** The values the form was based on. */
  before: Values;
  /** The values saved by someone else since. */
  current: Values;
  /** What the user had entered when saving. */
  mine: Values;
}

function PracticeEdit({ practice, user }: { practice: Practice; user: User }) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  // What the form is based on (the version sent with the change): the practice as first read, or as
  // read again after a conflict. Later reads of the practice do not move it behind the user's back.
  const [base, setBase] = useState(() => ({ values: valuesOf(practice), version: practice.version }));
  const [values, setValues] = useState<Values>(base.values);
  const [revision, setRevision] = useState(0);
  const [problems, setProblems] = useState<Problems<Field>>(noProblems());
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [failure, setFailure] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  useTitle('Change the practice’s details', problems.summary.length > 0 || conflict !== undefined);
  const ccgs = useQuery({
    queryKey: ['ccgs'],
    queryFn: async () => dataOr(await api.GET('/api/v1/ccgs')),
    staleTime: Infinity,
  });
  // Support staff may move a practice only to a CCG of their own region (the API checks it too).
  const offered = (ccgs.data ?? []).filter(
    (c) =>
      c.code === base.values.ccgCode ||
      user.regionCode === null ||
      user.role === 'admin' ||
      c.regionCode === user.regionCode,
  );

  const refill = (next: Values) => {
    setValues(next);
    setRevision((r) => r + 1);
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { text, date } = formText(event.currentTarget);
    const mine: Values = {
      name: text('name'),
      postcode: text('postcode'),
      ccgCode: text('ccgCode'),
      clinicalSystem: text('clinicalSystem'),
      openedOn: date('openedOn'),
      closedOn: date('closedOn'),
    };
    setValues(mine);

    const found = noProblems<Field>();
    if (!mine.name.trim()) addProblem(found, INPUTS, 'name', 'Enter the practice’s name');
    const dates: Partial<Record<'openedOn' | 'closedOn', string | null>> = {};
    for (const field of ['openedOn', 'closedOn'] as const) {
      if (isEmpty(mine[field])) dates[field] = null;
      else {
        const parsed = isoDate(INPUTS[field].label, mine[field]);
        if ('error' in parsed) addProblem(found, INPUTS, field, parsed.error);
        else dates[field] = parsed.date;
      }
    }
    if (found.summary.length) return setProblems(found);

    // Only what the user changed goes to the API, with the version it is based on.
    const body: Update = { version: base.version };
    for (const field of FIELDS) {
      if (textOf(mine, field) === textOf(base.values, field)) continue;
      if (field === 'openedOn' || field === 'closedOn') body[field] = dates[field] ?? null;
      else if (field === 'postcode') body.postcode = mine.postcode.trim() || null;
      else if (field === 'clinicalSystem') body.clinicalSystem = mine.clinicalSystem as ClinicalSystem;
      else body[field] = mine[field].trim();
    }

    setBusy(true);
    setFailure(undefined);
    try {
      const result = await api.PATCH('/api/v1/practices/{code}', {
        params: { path: { code: practice.code } },
        body,
      });
      dataOr(result);
      await queries.invalidateQueries();
      await navigate(practicePath(practice.code), {
        state: { success: `The details of ${mine.name.trim()} (${practice.code}) have been saved.` },
      });
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 409) await showConflict(mine);
      else if (err instanceof ApiProblem && (err.status === 400 || err.status === 403))
        setProblems(problemsFromApi(err, INPUTS, err.status === 403 ? 'ccgCode' : 'name'));
      else setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };

  /**
   * Someone else saved the practice since the form was read: nothing was saved, and nothing the user typed
   * is lost. The form is now based on the current version; a field the user changed keeps their entry, the
   * others show the current value; the differences are listed side by side.
   */
  const showConflict = async (mine: Values) => {
    const latest = dataOr(await api.GET('/api/v1/practices/{code}', { params: { path: { code: practice.code } } }));
    const current = valuesOf(latest);
    const merged = Object.fromEntries(
      FIELDS.map((f) => [f, textOf(mine, f) !== textOf(base.values, f) ? mine[f] : current[f]]),
    ) as unknown as Values;
    setConflict({ before: base.values, current, mine });
    setBase({ values: current, version: latest.version });
    setProblems(noProblems());
    refill(merged);
  };

  // The details either side changed.
  const differences = conflict
    ? FIELDS.filter(
        (f) =>
          textOf(conflict.current, f) !== textOf(conflict.before, f) ||
          textOf(conflict.mine, f) !== textOf(conflict.before, f),
      )
    : [];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PracticeFormHead
          practiceCode={practice.code}
          problems={problems.summary}
          failure={failure}
          failureTitle="The changes were not saved"
        />
        {conflict && (
          <ErrorSummary>
            <ErrorSummary.Title>Someone else changed this practice while you were editing it</ErrorSummary.Title>
            <ErrorSummary.List>
              <ErrorSummary.ListItem href="#conflict">
                Nothing has been saved: check the current values against your entries
              </ErrorSummary.ListItem>
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        <h1 className="nhsuk-heading-xl">
          <span className="nhsuk-caption-l">
            {practice.name} ({practice.code})
          </span>
          Change the practice’s details
        </h1>
        {conflict && (
          <div id="conflict" tabIndex={-1}>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">Current values and your entries</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">
                    Detail
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    When you opened the form
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Current value
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Your entry
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {differences.map((f) => (
                  <tr className="nhsuk-table__row" key={f}>
                    <th className="nhsuk-table__header" scope="row">
                      {INPUTS[f].label}
                    </th>
                    <td className="nhsuk-table__cell">{shown(f, textOf(conflict.before, f))}</td>
                    <td className="nhsuk-table__cell">{shown(f, textOf(conflict.current, f))}</td>
                    <td className="nhsuk-table__cell">
                      {textOf(conflict.mine, f) === textOf(conflict.before, f)
                        ? 'Not changed by you'
                        : shown(f, textOf(conflict.mine, f))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="nhsuk-body">
              Your entries are still in the form below; details you had not changed now show the current values. Choose
              Save changes to save your entries over the current values, or{' '}
              <button
                type="button"
                className="app-link-button"
                onClick={() => {
                  setConflict(undefined);
                  refill(base.values);
                }}
              >
                use the current values
              </button>{' '}
              instead.
            </p>
          </div>
        )}
        <form noValidate onSubmit={(e) => void save(e)} key={revision}>
          <TextInput
            id="name"
            name="name"
            label="Name"
            autoComplete="off"
            defaultValue={values.name}
            error={problems.fields.name}
          />
          <TextInput
            id="postcode"
            name="postcode"
            label="Postcode"
            hint="For example, TS6 0HA. Leave empty if it has none."
            width={10}
            autoComplete="off"
            defaultValue={values.postcode}
            error={problems.fields.postcode}
          />
          <Select id="ccgCode" name="ccgCode" label="CCG" defaultValue={values.ccgCode} error={problems.fields.ccgCode}>
            {!offered.some((c) => c.code === values.ccgCode) && (
              <Select.Option value={values.ccgCode}>{values.ccgCode}</Select.Option>
            )}
            {offered.map((c) => (
              <Select.Option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </Select.Option>
            ))}
          </Select>
          <Select
            id="clinicalSystem"
            name="clinicalSystem"
            label="Clinical system"
            defaultValue={values.clinicalSystem}
            error={problems.fields.clinicalSystem}
          >
            {CLINICAL_SYSTEMS.map(({ value: s }) => (
              <Select.Option key={s} value={s}>
                {s === 'UNKNOWN' ? 'Not known' : s === 'OTHER' ? 'Other' : s}
              </Select.Option>
            ))}
          </Select>
          <DateInput
            id="openedOn"
            name="openedOn"
            legend="Date opened"
            hint="For example, 1 4 1990. It cannot be after the practice’s first recorded status or list size."
            defaultValue={values.openedOn}
            error={problems.fields.openedOn}
          />
          <DateInput
            id="closedOn"
            name="closedOn"
            legend="Date closed"
            hint="Leave empty while the practice is open."
            defaultValue={values.closedOn}
            error={problems.fields.closedOn}
          />
          <Button type="submit" disabled={busy}>
            Save changes
          </Button>
        </form>
      </div>
    </div>
  );
}
