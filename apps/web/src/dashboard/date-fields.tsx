import type { ReactNode } from 'react';
import { FieldError, type SummaryLine } from '../common/error-summary';

/** One box of a design-system date input (day, month, year, or a time beside them). */
export interface DateField {
  id: string;
  label: string;
  width: 2 | 4 | 5;
  value: string;
  onChange: (value: string) => void;
  /** This box is the one in error (its border turns red). */
  invalid?: boolean;
}

interface Props {
  id: string;
  legend: string;
  hint: ReactNode;
  /** The message shown against the whole input (the design system shows one per date input). */
  error?: string;
  fields: DateField[];
}

/**
 * The NHS.UK date input (a fieldset of small numeric boxes, one hint, one error message) as the dashboard's
 * forms use it: the known-on date and the two ends of the trend range.
 */
export function DateFields({ id, legend, hint, error, fields }: Props) {
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <div className="nhsuk-date-input" id={id}>
          {fields.map((field) => (
            <div key={field.id} className="nhsuk-date-input__item">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={field.id}>
                  {field.label}
                </label>
                <input
                  className={
                    `nhsuk-input nhsuk-date-input__input nhsuk-input--width-${field.width}` +
                    (field.invalid ? ' nhsuk-input--error' : '')
                  }
                  id={field.id}
                  name={field.id}
                  inputMode="numeric"
                  autoComplete="off"
                  value={field.value}
                  onChange={(e) => field.onChange(e.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export interface FormProblem {
  /** The id of the box the summary's link takes the user to. */
  href: string;
  message: string;
}

/** The error summary's lines of the dashboard's forms, each linking to its box. */
export const summaryOf = (problems: FormProblem[]): SummaryLine[] =>
  problems.map((p) => ({ href: `#${p.href}`, message: p.message }));

/** A whole number typed in a box (spaces around it allowed), or NaN. */
export const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
