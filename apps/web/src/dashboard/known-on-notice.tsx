import { Link, useSearchParams } from 'react-router';
import { WarningCallout } from 'nhsuk-react-components';
import { knownAtPhrase } from './known-on';

/** The same view without `knownAt`: the figures as known now. */
function useCurrentFiguresLink(): string {
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  next.delete('knownAt');
  const search = next.toString();
  return search ? `/?${search}` : '/';
}

/**
 * Says, above every figure, that the page shows the figures as they stood at an instant, what that leaves
 * out, and the way back to the current figures (a link: the view without `knownAt`).
 */
export function KnownOnNotice({ knownAt }: { knownAt: string }) {
  const current = useCurrentFiguresLink();
  const phrase = knownAtPhrase(knownAt);
  return (
    <WarningCallout>
      <WarningCallout.Heading headingLevel="h2">Figures {phrase}</WarningCallout.Heading>
      <p>
        Every figure on this page is {phrase} (London time): status changes recorded later, including corrections
        back-dated to before the dates shown, are not included. List sizes and practices are as recorded now.
      </p>
      <p>
        <Link to={current}>Show the current figures</Link>
      </p>
    </WarningCallout>
  );
}
