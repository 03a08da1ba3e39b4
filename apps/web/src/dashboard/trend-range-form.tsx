import { type FormEvent, useEffect, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { FormErrorSummary } from '../common/error-summary';
import { type DateBox, DateInput } from '../common/date-input';
import { type Problem, summaryOf } from '../common/form-problems';
import { wholeNumber } from './whole-number';
import { MAX_TREND_MONTHS, monthCount } from './trend-range';

interface Props {
  from: string;
  to: string;
  /** The API's own problem with the range (a pasted link it refuses), shown against the field it names. */
  apiProblem?: { field: string; message: string };
  onChange: (range: { from: string; to: string }) => void;
  /** Told whether the form now shows a problem of its own (the page's title then starts with "Error:"). */
  onInvalid: (invalid: boolean) => void;
}

const yearMonth = (month: string, year: string, end: 'from' | 'to', problems: Problem[]) => {
  const label = end === 'from' ? 'first' : 'last';
  const m = wholeNumber(month);
  if (!(m >= 1 && m <= 12)) {
    problems.push({ fieldId: `trend-${end}-month`, message: `Enter the ${label} month as a number from 1 to 12` });
    return undefined;
  }
  if (!/^\s*\d{4}\s*$/.test(year) || wholeNumber(year) < 1900) {
    problems.push({ fieldId: `trend-${end}-year`, message: `Enter the year of the ${label} month with 4 digits` });
    return undefined;
  }
  return `${wholeNumber(year)}-${String(m).padStart(2, '0')}`;
};

/**
 * The months the trend charts show, from one month to another (both included), as two design-system date
 * inputs of month and year. The API's limits are checked here first: `to` not before `from`, and at most
 * 120 months. The parent keys it by the range, so Back and Forward refill the boxes.
 */
export function TrendRangeForm({ from, to, apiProblem, onChange, onInvalid }: Props) {
  const [fromMonth, setFromMonth] = useState(String(Number(from.slice(5, 7))));
  const [fromYear, setFromYear] = useState(from.slice(0, 4));
  const [toMonth, setToMonth] = useState(String(Number(to.slice(5, 7))));
  const [toYear, setToYear] = useState(to.slice(0, 4));
  const [problems, setProblems] = useState<Problem[]>([]);
  // A new value (another link, Back) makes a new form: the old one's problems go with it.
  useEffect(() => () => onInvalid(false), [onInvalid]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    const first = yearMonth(fromMonth, fromYear, 'from', found);
    const last = yearMonth(toMonth, toYear, 'to', found);
    if (first && last) {
      const count = monthCount(first, last);
      if (count < 1)
        found.push({ fieldId: 'trend-to-month', message: 'The last month must be the same as or after the first' });
      else if (count > MAX_TREND_MONTHS)
        found.push({
          fieldId: 'trend-to-month',
          message: `The trend can show at most ${MAX_TREND_MONTHS} months (10 years): this range is ${count}`,
        });
    }
    setProblems(found);
    onInvalid(found.length > 0);
    if (first && last && found.length === 0) onChange({ from: first, to: last });
  };

  const api = apiProblem && {
    fieldId: apiProblem.field === 'from' ? 'trend-from-month' : 'trend-to-month',
    message: apiProblem.message,
  };
  const shown = problems.length > 0 ? problems : api ? [api] : [];
  const errorOf = (end: 'from' | 'to') => shown.find((p) => p.fieldId?.startsWith(`trend-${end}-`))?.message;
  type Box = [value: string, onChange: (value: string) => void];
  const box = (id: string, label: string, width: 2 | 4, [value, onChange]: Box): DateBox => ({
    id,
    label,
    width,
    value,
    onChange,
    invalid: shown.some((p) => p.fieldId === id),
  });
  /** One end of the range: a date input of its month and year. */
  const endInput = (end: 'from' | 'to', legend: string, hint: string, month: Box, year: Box) => (
    <div className="nhsuk-grid-column-one-half">
      <DateInput
        autoComplete="off"
        id={`trend-${end}`}
        legend={legend}
        hint={hint}
        error={errorOf(end)}
        boxes={[box(`trend-${end}-month`, 'Month', 2, month), box(`trend-${end}-year`, 'Year', 4, year)]}
      />
    </div>
  );

  return (
    <form noValidate onSubmit={submit} className="app-trend-range-form">
      <FormErrorSummary lines={summaryOf(shown)} />
      <div className="nhsuk-grid-row">
        {endInput(
          'from',
          'From',
          'First month shown, for example 10 2012',
          [fromMonth, setFromMonth],
          [fromYear, setFromYear],
        )}
        {endInput('to', 'To', 'Last month shown, for example 9 2014', [toMonth, setToMonth], [toYear, setToYear])}
      </div>
      <Button type="submit" secondary>
        Show trends
      </Button>
    </form>
  );
}
