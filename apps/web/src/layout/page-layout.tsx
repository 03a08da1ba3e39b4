import type { ReactNode } from 'react';
import { Footer, Header, SkipLink } from 'nhsuk-react-components';

export interface PageLayoutProps {
  /** The signed-in user's name and a sign-out button, or nothing on the sign-in page. */
  account?: { name: string; onSignOut: () => void };
  children: ReactNode;
}

/** NHS header and footer around the page's main content, with the skip link first. */
export function PageLayout({ account, children }: PageLayoutProps) {
  return (
    <>
      <SkipLink href="#maincontent">Skip to main content</SkipLink>
      <Header service={{ text: 'Patient Online tracker', href: '/' }}>
        {account && (
          <Header.Account aria-label="Your account">
            <Header.AccountItem icon>{account.name}</Header.AccountItem>
            <Header.AccountItem as="button" onClick={account.onSignOut}>
              Sign out
            </Header.AccountItem>
          </Header.Account>
        )}
      </Header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer>
        <Footer.List>
          <Footer.ListItem href="/docs">API documentation</Footer.ListItem>
        </Footer.List>
        <Footer.Copyright>NHS England</Footer.Copyright>
      </Footer>
    </>
  );
}
