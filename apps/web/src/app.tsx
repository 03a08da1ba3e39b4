import { PageLayout } from './layout/page-layout';

export function App() {
  return (
    <PageLayout>
      <h1 className="nhsuk-heading-xl">Patient Online tracker</h1>
    </PageLayout>
  );
}
