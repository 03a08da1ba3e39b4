import { type FormEvent, useEffect, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { FieldError, FormErrorSummary } from '../common/error-summary';
import { DateInput } from '../common/date-input';
import { messageFor, type Problem, summaryOf } from '../common/form-problems';
import { wholeNumber } from './whole-number';
import { isCalendarDate, type KnownOn, knownOnValue, londonInstant, londonToday } from './known-on';

interface Props {
  value: KnownOn | undefined;
  /** The API's own problem with `knownAt` (a pasted link it refuses), shown against the field. */
  apiProblem?: string;
  onChange: (value: string) => void;
  /** Told whether the form now shows a problem of its own (the page's title then starts with "Error:"). */
  onInvalid: (invalid: boolean) => void;
}

const TIME = /^\s*(\d{1,2})[:.](\d{2})\s*$/;
const two = (n: number) => String(n).padStart(2, '0');

/** Checks the boxes as the design system asks: one message per problem, the first box in error linked. */
function check(day: string, month: string, year: string, time: string, now = new Date()) {
  const problems: Problem[] = [];
  const [d, m, y] = [wholeNumber(day), wholeNumber(month), wholeNumber(year)];
  let date: string | undefined;
  if (!day.trim() && !month.trim() && !year.trim())
    problems.push({ fieldId: 'known-on-day', message: 'Enter the date the figures were known on' });
  else if (!(d >= 1 && d <= 31)) problems.push({ fieldId: 'known-on-day', message: 'Enter a day from 1 to 31' });
  else if (!(m >= 1 && m <= 12)) problems.push({ fieldId: 'known-on-month', message: 'Enter a month from 1 to 12' });
  else if (!/^\s*\d{4}\s*$/.test(year))
    problems.push({ fieldId: 'known-on-year', message: 'Enter a year with 4 digits, like 2014' });
  else {
    date = `${y}-${two(m)}-${two(d)}`;
    if (!isCalendarDate(date)) {
      problems.push({ fieldId: 'known-on-day', message: 'The known-on date must be a real date' });
      date = undefined;
    } else if (date > londonToday(now)) {
      problems.push({ fieldId: 'known-on-day', message: 'The known-on date must be today or in the past' });
      date = undefined;
    }
  }
  let hhmm: string | undefined;
  if (time.trim()) {
    const t = TIME.exec(time);
    if (!t || Number(t[1]) > 23 || Number(t[2]) > 59)
      problems.push({
        fieldId: 'known-on-time',
        message: 'Enter a time on the 24-hour clock, like 09:30, or leave it empty',
      });
    else {
      hhmm = `${two(Number(t[1]))}:${t[2]}`;
      if (date && Date.parse(londonInstant(date, `${hhmm}:00`)) > now.getTime())
        problems.push({ fieldId: 'known-on-time', message: 'The known-on time must be now or in the past' });
    }
  }
  return { problems, value: date && problems.length === 0 ? knownOnValue(date, hhmm) : undefined };
}

/**
 * "As known on": the day (and, if wanted, the time, London) whose knowledge the figures are to show. A day
 * alone means the end of that day; a day after today, or a time still to come, is refused here (the API
 * would answer with today's knowledge, labelled as if it were an earlier one's). The parent keys it by the
 * URL's value, so Back and Forward refill the boxes.
 */
export function KnownOnForm({ value, apiProblem, onChange, onInvalid }: Props) {
  const [day, setDay] = useState(value?.date ? String(Number(value.date.slice(8, 10))) : '');
  const [month, setMonth] = useState(value?.date ? String(Number(value.date.slice(5, 7))) : '');
  const [year, setYear] = useState(value?.date ? value.date.slice(0, 4) : '');
  const [time, setTime] = useState(value?.time ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [open, setOpen] = useState(value !== undefined);
  // A new value (another link, Back) makes a new form: the old one's problems go with it.
  useEffect(() => () => onInvalid(false), [onInvalid]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = check(day, month, year, time);
    setProblems(result.problems);
    onInvalid(result.problems.length > 0);
    if (result.value) onChange(result.value);
  };

  // The API's problem stands against the field until the user sends the form again.
  const shown = problems.length > 0 ? problems : apiProblem ? [{ fieldId: 'known-on-day', message: apiProblem }] : [];
  const dateError = shown.find((p) => p.fieldId !== 'known-on-time')?.message;
  const timeError = messageFor(shown, 'known-on-time');
  const inError = (id: string) => shown.some((p) => p.fieldId === id);

  // Behind a details toggle: most readers want today's knowledge, and the form would fill the first screen
  // above the figures. Open when the page shows known-on figures or the form has something to say.
  return (
    <details
      className="nhsuk-details app-known-on"
      open={open || shown.length > 0}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="nhsuk-details__summary" id="known-on-toggle">
        <span className="nhsuk-details__summary-text">See the figures as known on an earlier day</span>
      </summary>
      <div className="nhsuk-details__text">
        <form noValidate onSubmit={submit} className="app-known-on-form">
          <FormErrorSummary lines={summaryOf(shown)} />
          <DateInput
            autoComplete="off"
            id="known-on"
            legend="As known on (optional)"
            hint={
              <>
                To see the figures as they stood then, without corrections recorded later. A date alone means the end of
                that day, London time. For example, 15 10 2014
              </>
            }
            error={dateError}
            boxes={[
              {
                id: 'known-on-day',
                label: 'Day',
                width: 2,
                value: day,
                onChange: setDay,
                invalid: inError('known-on-day'),
              },
              {
                id: 'known-on-month',
                label: 'Month',
                width: 2,
                value: month,
                onChange: setMonth,
                invalid: inError('known-on-month'),
              },
              {
                id: 'known-on-year',
                label: 'Year',
                width: 4,
                value: year,
                onChange: setYear,
                invalid: inError('known-on-year'),
              },
            ]}
          />
          <div className={`nhsuk-form-group${timeError ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor="known-on-time">
              Time (optional)
            </label>
            <div className="nhsuk-hint" id="known-on-time-hint">
              24-hour clock, London time, for example 09:30
            </div>
            <FieldError id="known-on-time-error" message={timeError} />
            <input
              className={`nhsuk-input nhsuk-input--width-5${timeError ? ' nhsuk-input--error' : ''}`}
              id="known-on-time"
              name="known-on-time"
              autoComplete="off"
              aria-describedby={`known-on-time-hint${timeError ? ' known-on-time-error' : ''}`}
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
          </div>
          <Button type="submit" secondary>
            Show as known on
          </Button>
        </form>
      </div>
    </details>
  );
}
