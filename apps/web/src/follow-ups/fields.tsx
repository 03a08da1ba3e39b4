import type { ReactNode } from 'react';
import { FieldError } from '../common/error-summary';

/** The design system's form fields, written out so that ids (the error summary's links) are known. */

const group = (error: string | undefined) => `nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`;

export function TextareaField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  rows?: number;
}) {
  const { id, error, hint } = props;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={group(error)}>
      <label className="nhsuk-label" htmlFor={id}>
        {props.label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={props.rows ?? 3}
        aria-describedby={describedBy}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  /** Absent where the field cannot be wrong (a filter). */
  error?: string;
  /** A class for the select besides the design system's. */
  className?: string;
}) {
  const { id, error } = props;
  return (
    <div className={group(error)}>
      <label className="nhsuk-label" htmlFor={id}>
        {props.label}
      </label>
      <FieldError id={`${id}-error`} message={error} />
      <select
        className={`nhsuk-select${props.className ? ` ${props.className}` : ''}${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        name={id}
        aria-describedby={error ? `${id}-error` : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Radios in a fieldset. The first radio's id is `id` (where the error summary's link goes); `conditional`
 * shows below the chosen option, as the design system's conditional reveal does.
 */
export function RadiosField<T extends string>(props: {
  id: string;
  legend: string;
  value: T | '';
  onChange: (value: T) => void;
  options: [T, string][];
  error: string | undefined;
  small?: boolean;
  conditional?: Partial<Record<T, ReactNode>>;
}) {
  const { id, error } = props;
  return (
    <div className={group(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{props.legend}</legend>
        <FieldError id={`${id}-error`} message={error} />
        <div className={`nhsuk-radios${props.small ? ' nhsuk-radios--small' : ''}`}>
          {props.options.map(([value, text], i) => {
            const itemId = i === 0 ? id : `${id}-${value}`;
            const reveal = props.conditional?.[value];
            const chosen = props.value === value;
            return (
              <div key={value}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={itemId}
                    name={id}
                    type="radio"
                    value={value}
                    checked={props.value === value}
                    onChange={() => props.onChange(value)}
                    aria-controls={reveal ? `${itemId}-conditional` : undefined}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={itemId}>
                    {text}
                  </label>
                </div>
                {reveal && (
                  <div
                    className={`nhsuk-radios__conditional${chosen ? '' : ' nhsuk-radios__conditional--hidden'}`}
                    id={`${itemId}-conditional`}
                  >
                    {props.value === value && reveal}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
