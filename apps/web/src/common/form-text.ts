import type { DateParts } from './dates';

/**
 * A submitted form's fields as text: `text('email')` is what was typed ("" for a field left out or a
 * file), `date('effectiveDate')` the three boxes of a date input named `<name>-day`, `-month`, `-year`.
 */
export function formText(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const date = (name: string): DateParts => ({
    day: text(`${name}-day`),
    month: text(`${name}-month`),
    year: text(`${name}-year`),
  });
  return { text, date };
}
