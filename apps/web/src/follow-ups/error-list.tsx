import { ErrorSummary } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import type { Problem } from './form-problems';

/**
 * The design system's error summary for one form: focused when it appears (so it is read out and the
 * keyboard is where the problems are), each problem linked to its field.
 */
export function ErrorList({ problems }: { problems: Problem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const text = problems.map((p) => p.message).join('|');
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!problems.length) return null;
  return (
    <ErrorSummary ref={ref} tabIndex={-1}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {problems.map((p, i) =>
          p.fieldId ? (
            <ErrorSummary.ListItem key={i} href={`#${p.fieldId}`}>
              {p.message}
            </ErrorSummary.ListItem>
          ) : (
            <li key={i}>{p.message}</li>
          ),
        )}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** An inline error above a field, as the design system writes it. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}
