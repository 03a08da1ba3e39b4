import { ErrorSummary } from 'nhsuk-react-components';
import { type ReactNode, useEffect, useRef } from 'react';

/** One line of an error summary: its message, and the input it links to (`#id`; none: about the whole form). */
export interface SummaryLine {
  href?: string;
  message: string;
}

interface Props {
  lines: SummaryLine[];
  /** Words above the list (the API's own explanation, besides what each line says). */
  detail?: ReactNode;
  /**
   * Take the focus again whenever the lines change, not only when the summary first appears (the design
   * system's script does that much): a form that stays on screen after a refusal, so the new problems are
   * read out and the keyboard is where they are.
   */
  refocus?: boolean;
}

/**
 * The NHS.UK error summary at the top of a form: "There is a problem", each line linking to its input (the
 * message stands again at the input: `FieldError`, or the `error` of an nhsuk-react-components input). Every
 * form of the app shows its problems through this one.
 */
export function FormErrorSummary({ lines, detail, refocus = false }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const text = lines.map((l) => l.message).join('|');
  useEffect(() => {
    if (refocus && text) ref.current?.focus();
  }, [refocus, text]);
  if (!lines.length) return null;
  return (
    <ErrorSummary ref={ref} {...(refocus ? { tabIndex: -1 } : {})}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      {detail}
      <ErrorSummary.List>
        {lines.map((line, i) =>
          line.href ? (
            <ErrorSummary.ListItem key={i} href={line.href}>
              {line.message}
            </ErrorSummary.ListItem>
          ) : (
            <li key={i}>{line.message}</li>
          ),
        )}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** The message at an input (above it), as the design system writes it, for inputs written with its classes. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}
