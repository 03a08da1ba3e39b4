import type { ReactNode } from 'react';
import { FieldError } from './error-summary';

/** One box of a design-system date input (day, month, year, or a time beside them). */
export interface DateBox {
  id: string;
  /** The form field's name; the box's id when not given. */
  name?: string;
  label: string;
  width: 2 | 4 | 5;
  value: string;
  onChange: (value: string) => void;
  /** This box is the one in error (its border turns red). */
  invalid?: boolean;
}

interface Props {
  /** The prefix of the hint's and the error message's ids (`<id>-hint`, `<id>-error`). */
  id: string;
  legend: string;
  hint: ReactNode;
  /** The message shown against the whole input (the design system shows one per date input). */
  error?: string;
  boxes: DateBox[];
  autoComplete?: string;
}

/**
 * The NHS.UK date input (a fieldset of small numeric boxes, one hint, one error message), controlled, for
 * the forms that keep their boxes in state: the dashboard's month-end, known-on date and trend range, and
 * a follow-up's due date. (The practice write forms read their boxes from the submitted form, with
 * nhsuk-react-components' `DateInput`.)
 */
export function DateInput({ id, legend, hint, error, boxes, autoComplete }: Props) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <div className="nhsuk-date-input">
          {boxes.map((box) => (
            <div key={box.id} className="nhsuk-date-input__item">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={box.id}>
                  {box.label}
                </label>
                <input
                  className={
                    `nhsuk-input nhsuk-date-input__input nhsuk-input--width-${box.width}` +
                    (box.invalid ? ' nhsuk-input--error' : '')
                  }
                  id={box.id}
                  name={box.name ?? box.id}
                  inputMode="numeric"
                  autoComplete={autoComplete}
                  value={box.value}
                  onChange={(e) => box.onChange(e.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
