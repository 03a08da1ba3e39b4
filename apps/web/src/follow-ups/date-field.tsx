import { FieldError } from '../common/error-summary';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** 27, 3, 2015 → 2015-03-27, or undefined when the parts are not a real date. */
export function isoDate({ day, month, year }: DateParts): string | undefined {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim()))
    return undefined;
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** The design system's date input (day, month and year boxes); the day box has `id`. */
export function DateField(props: {
  id: string;
  legend: string;
  hint: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error: string | undefined;
}) {
  const { id, error, value } = props;
  const errorClass = error ? ' nhsuk-input--error' : '';
  const box = (part: keyof DateParts, label: string, width: 2 | 4) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-date-input__label" htmlFor={part === 'day' ? id : `${id}-${part}`}>
          {label}
        </label>
        <input
          className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${errorClass}`}
          id={part === 'day' ? id : `${id}-${part}`}
          name={`${id}-${part}`}
          inputMode="numeric"
          value={value[part]}
          onChange={(e) => props.onChange({ ...value, [part]: e.target.value })}
        />
      </div>
    </div>
  );
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{props.legend}</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <div className="nhsuk-date-input">
          {box('day', 'Day', 2)}
          {box('month', 'Month', 2)}
          {box('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  );
}
