import { Button, ErrorSummary } from 'nhsuk-react-components';
import { ApiProblem } from '../api/client';

/** What is on its way, in words (announced politely to screen readers), never a blank space. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="nhsuk-body app-loading" role="status">
      Loading {what}…
    </p>
  );
}

/** An API failure in the design system's error summary: the API's own message and its request id. */
export function ApiErrorSummary({ title, error, retry }: { title: string; error: Error; retry?: () => void }) {
  const requestId = error instanceof ApiProblem ? error.body?.requestId : undefined;
  return (
    <ErrorSummary>
      <ErrorSummary.Title>{title}</ErrorSummary.Title>
      <div className="nhsuk-error-summary__body">
        <p>{error instanceof ApiProblem ? error.message : 'The tracker cannot be reached: check your connection.'}</p>
        {requestId && <p className="nhsuk-body-s">Reference for the support team: {requestId}</p>}
        {retry && (
          <Button type="button" secondary onClick={retry}>
            Try again
          </Button>
        )}
      </div>
    </ErrorSummary>
  );
}
