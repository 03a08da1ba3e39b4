import { type FormEvent, useState } from 'react';
import { Button } from 'nhsuk-react-components';
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
  const inputClass = (width: 2 | 4) =>
    `nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${error ? ' nhsuk-input--error' : ''}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const m = Number(month);
    const y = Number(year);
    if (!/^\d{1,2}$/.test(month.trim()) || m < 1 || m > 12) return setError('Enter a month from 1 to 12');
    if (!/^\d{4}$/.test(year.trim()) || y < 1990 || y > 2100) return setError('Enter a year with 4 digits, like 2014');
    setError(undefined);
    onChange(monthEnd(y, m));
  };

  return (
    <form noValidate onSubmit={submit} className="app-month-end-form">
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={`month-end-hint${error ? ' month-end-error' : ''}`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Figures at the end of</legend>
          <div className="nhsuk-hint" id="month-end-hint">
            For example, 9 2014
          </div>
          {error && (
            <span className="nhsuk-error-message" id="month-end-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          <div className="nhsuk-date-input">
            <div className="nhsuk-date-input__item">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor="month-end-month">
                  Month
                </label>
                <input
                  className={inputClass(2)}
                  id="month-end-month"
                  name="month"
                  inputMode="numeric"
                  value={month}
                  onChange={(e) => setMonth(e.target.value)}
                />
              </div>
            </div>
            <div className="nhsuk-date-input__item">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor="month-end-year">
                  Year
                </label>
                <input
                  className={inputClass(4)}
                  id="month-end-year"
                  name="year"
                  inputMode="numeric"
                  value={year}
                  onChange={(e) => setYear(e.target.value)}
                />
              </div>
            </div>
          </div>
        </fieldset>
      </div>
      <Button type="submit" secondary>
        Show figures
      </Button>
    </form>
  );
}
