import { type ComponentPropsWithoutRef, type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DateInput, Radios, SummaryList, Textarea } from 'nhsuk-react-components';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, dataOr } from '../api/client';
import { practicePath } from '../common/practice-link';
import { formText } from '../common/form-text';
import { ApiErrorSummary } from '../layout/status';
import { useTitle } from '../layout/use-title';
import { longDate } from '../common/formats';
import { type DateParts, EMPTY_DATE, isoDate } from '../common/dates';
import '../practice-writes/practice-writes.css';
import { ImpactMessage, type StatusImpact } from '../practice-writes/impact-message';
import { PracticeFormHead } from '../practice-writes/form-head';
import { PracticeWriteGate } from '../practice-writes/practice-gate';
import { addProblem, type FieldInputs, noProblems, type Problems, problemsFromApi } from '../practice-writes/problems';
import type { Practice } from '../practice-writes/use-practice';
import {
  type Level,
  LEVEL_KEYS,
  LEVEL_NAMES,
  levelName,
  type Service,
  SERVICE_KEYS,
  SERVICE_NAMES,
} from '../common/words';

type Field = 'service' | 'level' | 'effectiveDate' | 'note';
const INPUTS: FieldInputs<Field> = {
  service: { label: 'Service', anchor: 'service-appointments' },
  level: { label: 'Level', anchor: 'level-not_capable' },
  effectiveDate: { label: 'Effective date', anchor: 'effectiveDate-day' },
  note: { label: 'Note', anchor: 'note' },
};

interface Answers {
  service?: Service;
  level?: Level;
  date: DateParts;
  note: string;
}
type Checked = Required<Omit<Answers, 'date'>> & { effectiveDate: string; date: DateParts };

/** A "Change" of the summary list: it acts in the page, so a button, looking like the design system's link. */
const LinkButton = (props: ComponentPropsWithoutRef<'button'>) => (
  <button type="button" className="app-link-button" {...props} />
);

/** /practices/:code/status/new — record a change of a service's level, checked (and its impact shown) first. */
export function StatusChangePage() {
  const { code = '' } = useParams();
  return (
    <PracticeWriteGate code={code} title="Record a status change">
      {(practice) => <StatusChange practice={practice} />}
    </PracticeWriteGate>
  );
}

function StatusChange({ practice }: { practice: Practice }) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({ date: EMPTY_DATE, note: '' });
  const [problems, setProblems] = useState<Problems<Field>>(noProblems());
  const [checked, setChecked] = useState<{ answers: Checked; impact: StatusImpact } | undefined>();
  const [failure, setFailure] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  // A new revision remounts the form's inputs with the answers kept (after "Change" on the check page).
  const [revision, setRevision] = useState(0);
  useTitle(checked ? 'Check the status change' : 'Record a status change', problems.summary.length > 0);

  const backToForm = (next: Problems<Field> = noProblems()) => {
    setProblems(next);
    setChecked(undefined);
    setFailure(undefined);
    setRevision((r) => r + 1);
  };

  const proceed = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { text, date: dateOf } = formText(event.currentTarget);
    const next: Answers = {
      service: (text('service') || undefined) as Service | undefined,
      level: (text('level') || undefined) as Level | undefined,
      date: dateOf('effectiveDate'),
      note: text('note').trim(),
    };
    setAnswers(next);
    const found = noProblems<Field>();
    if (!next.service) addProblem(found, INPUTS, 'service', 'Select the service that changed');
    if (!next.level) addProblem(found, INPUTS, 'level', 'Select the level the service is at');
    const date = isoDate('Effective date', next.date);
    if ('error' in date) addProblem(found, INPUTS, 'effectiveDate', date.error);
    if (next.note.length > 2000) addProblem(found, INPUTS, 'note', 'Note must be 2,000 characters or fewer');
    if (found.summary.length || !next.service || !next.level || 'error' in date) return setProblems(found);

    setBusy(true);
    try {
      const result = await api.GET('/api/v1/practices/{code}/status-impact', {
        params: {
          path: { code: practice.code },
          query: { service: next.service, level: next.level, effectiveDate: date.date },
        },
      });
      const impact = dataOr(result);
      setProblems(noProblems());
      setChecked({
        answers: {
          service: next.service,
          level: next.level,
          note: next.note,
          date: next.date,
          effectiveDate: date.date,
        },
        impact,
      });
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 400) setProblems(problemsFromApi(err, INPUTS, 'effectiveDate'));
      else setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!checked) return;
    const { service, level, effectiveDate, note } = checked.answers;
    setBusy(true);
    try {
      const result = await api.POST('/api/v1/practices/{code}/status', {
        params: { path: { code: practice.code } },
        body: { service, level, effectiveDate, ...(note ? { note } : {}) },
      });
      dataOr(result);
      // Figures of past dates may have changed: every cached answer is read again.
      await queries.invalidateQueries();
      await navigate(practicePath(practice.code), {
        state: {
          success: `${SERVICE_NAMES[service]}: ${LEVEL_NAMES[level]} from ${longDate(effectiveDate)} has been saved.`,
        },
      });
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 400) backToForm(problemsFromApi(err, INPUTS, 'effectiveDate'));
      else setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const caption = (
    <span className="nhsuk-caption-l">
      {practice.name} ({practice.code})
    </span>
  );

  if (checked) {
    const a = checked.answers;
    const change = (anchor: string, what: string) => (
      <SummaryList.Action
        asElement={LinkButton}
        visuallyHiddenText={what}
        onClick={() => {
          backToForm();
          window.setTimeout(() => document.getElementById(anchor)?.focus());
        }}
      >
        Change
      </SummaryList.Action>
    );
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {failure && <ApiErrorSummary title="The status change was not saved" error={failure} />}
          <h1 className="nhsuk-heading-xl">
            {caption}
            Check the status change before saving it
          </h1>
          <SummaryList>
            <SummaryList.Row>
              <SummaryList.Key>Service</SummaryList.Key>
              <SummaryList.Value>{SERVICE_NAMES[a.service]}</SummaryList.Value>
              {change(INPUTS.service.anchor, 'service')}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Level</SummaryList.Key>
              <SummaryList.Value>{LEVEL_NAMES[a.level]}</SummaryList.Value>
              {change(INPUTS.level.anchor, 'level')}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Effective date</SummaryList.Key>
              <SummaryList.Value>{longDate(a.effectiveDate)}</SummaryList.Value>
              {change(INPUTS.effectiveDate.anchor, 'effective date')}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Note</SummaryList.Key>
              <SummaryList.Value>{a.note || 'None'}</SummaryList.Value>
              {change(INPUTS.note.anchor, 'note')}
            </SummaryList.Row>
          </SummaryList>
          <h2 className="nhsuk-heading-m">What this changes</h2>
          <div id="impact">
            <ImpactMessage impact={checked.impact} />
          </div>
          <Button type="button" disabled={busy} onClick={() => void save()}>
            Save status change
          </Button>
          <p className="nhsuk-body">
            <Link to={practicePath(practice.code)}>Cancel and go back to the practice</Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PracticeFormHead
          practiceCode={practice.code}
          problems={problems.summary}
          failure={failure}
          failureTitle="The change cannot be checked"
        />
        <h1 className="nhsuk-heading-xl">
          {caption}
          Record a status change
        </h1>
        <form noValidate onSubmit={(e) => void proceed(e)} key={revision}>
          <Radios
            id="service"
            name="service"
            legend="Service"
            legendProps={{ size: 'm' }}
            error={problems.fields.service}
          >
            {SERVICE_KEYS.map((s) => (
              <Radios.Item
                key={s}
                id={`service-${s}`}
                value={s}
                defaultChecked={answers.service === s}
                hint={`Now: ${levelName(practice.services[s].level)}`}
              >
                {SERVICE_NAMES[s]}
              </Radios.Item>
            ))}
          </Radios>
          <Radios id="level" name="level" legend="Level" legendProps={{ size: 'm' }} error={problems.fields.level}>
            {LEVEL_KEYS.map((l) => (
              <Radios.Item key={l} id={`level-${l}`} value={l} defaultChecked={answers.level === l}>
                {LEVEL_NAMES[l]}
              </Radios.Item>
            ))}
          </Radios>
          <DateInput
            id="effectiveDate"
            name="effectiveDate"
            legend="Effective date"
            legendProps={{ size: 'm' }}
            hint={
              'The date the service reached this level, for example 3 3 2014. ' +
              'It can be in the past, not in the future.'
            }
            error={problems.fields.effectiveDate}
            defaultValue={answers.date}
          />
          <Textarea
            id="note"
            name="note"
            label="Note (optional)"
            labelProps={{ size: 'm' }}
            hint={
              'Where the information came from, for example a call with the practice manager. ' +
              'Up to 2,000 characters.'
            }
            rows={4}
            defaultValue={answers.note}
            error={problems.fields.note}
          />
          <Button type="submit" disabled={busy}>
            Continue
          </Button>
        </form>
      </div>
    </div>
  );
}
