import { type FormEvent, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { DateInput } from '../common/date-input';
import { monthEnd, yearMonthOf } from './month-end';

interface Props {
  value: string;
  onChange: (monthEnd: string) => void;
}

/**
 * The month-end to show, as the design system's date input (month and year boxes: the day is always the
 * month's last). The parent keys it by date, so Back and Forward refill the boxes.
 */
export function MonthEndForm({ value, onChange }: Props) {
  const initial = yearMonthOf(value);
  const [month, setMonth] = useState(String(initial.month));
  const [year, setYear] = useState(String(initial.year));
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const m = Number(month);
    const y = Number(year);
    if (!/^\d{1,2}$/.test(month.trim()) || m < 1 || m > 12) return setError('Enter a month from 1 to 12');
    if (!/^\d{4}$/.test(year.trim()) || y < 1990 || y > 2100) return setError('Enter a year with 4 digits, like 2014');
    setError(undefined);
    onChange(monthEnd(y, m));
  };

  const invalid = Boolean(error);
  return (
    <form noValidate onSubmit={submit} className="app-month-end-form">
      <DateInput
        id="month-end"
        legend="Figures at the end of"
        hint="For example, 9 2014"
        error={error}
        boxes={[
          { id: 'month-end-month', name: 'month', label: 'Month', width: 2, value: month, onChange: setMonth, invalid },
          { id: 'month-end-year', name: 'year', label: 'Year', width: 4, value: year, onChange: setYear, invalid },
        ]}
      />
      <Button type="submit" secondary>
        Show figures
      </Button>
    </form>
  );
}
