import { ErrorSummary } from 'nhsuk-react-components';
import type { Problems } from './problems';

/** The design system's error summary: "There is a problem", each line a link to its input. It takes focus. */
export function ProblemSummary({ problems }: { problems: Problems<string> }) {
  if (!problems.summary.length) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {problems.summary.map((p) => (
          <ErrorSummary.ListItem key={`${p.href} ${p.message}`} href={p.href}>
            {p.message}
          </ErrorSummary.ListItem>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
