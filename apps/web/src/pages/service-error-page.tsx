import { PageLayout } from '../layout/page-layout';
import { useTitle } from '../layout/use-title';

/** What a page that failed in the browser shows (the design system's "problem with the service" page). */
export function ServiceErrorPage() {
  useTitle('Sorry, there is a problem with the service');
  return (
    <PageLayout>
      <h1 className="nhsuk-heading-xl">Sorry, there is a problem with the service</h1>
      <p className="nhsuk-body">Try again later, or reload the page.</p>
      <p className="nhsuk-body">
        <a href="/">Go to the dashboard</a>
      </p>
    </PageLayout>
  );
}
