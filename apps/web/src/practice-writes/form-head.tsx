import { BackLink } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { FormErrorSummary, type SummaryLine } from '../common/error-summary';
import { practicePath } from '../common/practice-link';
import { ApiErrorSummary } from '../layout/status';

/**
 * The top of a form that changes a practice: back to the practice, then what is wrong with the entries
 * (each line linking to its field), then why the API refused, under `failureTitle`.
 */
export function PracticeFormHead({
  practiceCode,
  problems,
  failure,
  failureTitle,
}: {
  practiceCode: string;
  problems: SummaryLine[];
  failure: Error | undefined;
  failureTitle: string;
}) {
  return (
    <>
      <BackLink asElement={Link} to={practicePath(practiceCode)}>
        Back to the practice
      </BackLink>
      <FormErrorSummary lines={problems} />
      {failure && <ApiErrorSummary title={failureTitle} error={failure} />}
    </>
  );
}
