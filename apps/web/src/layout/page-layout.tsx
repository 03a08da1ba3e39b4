import type { ReactNode } from 'react';
import { Footer, Header, SkipLink } from 'nhsuk-react-components';
import { Link, useLocation } from 'react-router';
import { isCurrent, type NavItem } from './navigation';

export interface PageLayoutProps {
  /** The signed-in user's name and a sign-out button, or nothing on the sign-in page. */
  account?: { name: string; onSignOut: () => void };
  /** The pages the signed-in user may open, in the header's navigation; none on the sign-in page. */
  navigation?: readonly NavItem[];
  /** Something shown after an item's text, part of its link (e.g. a count of what is new there). */
  itemExtra?: (item: NavItem) => ReactNode;
  children: ReactNode;
}

/** NHS header and footer around the page's main content, with the skip link first. */
export function PageLayout({ account, navigation, itemExtra, children }: PageLayoutProps) {
  const { pathname } = useLocation();
  return (
    <>
      <SkipLink href="#maincontent">Skip to main content</SkipLink>
      {/* nhsuk-frontend's header script measures the navigation once, when the header mounts, to move what does
          not fit a narrow screen under "More": a new header for each set of items (none while signing in, then the
          role's), or the items would run off the side of a phone's screen. */}
      <Header
        key={navigation?.map((item) => item.href).join(' ') ?? ''}
        service={{ text: 'Patient Online tracker', href: '/' }}
      >
        {account && (
          <Header.Account aria-label="Your account">
            <Header.AccountItem icon>{account.name}</Header.AccountItem>
            <Header.AccountItem as="button" onClick={account.onSignOut}>
              Sign out
            </Header.AccountItem>
          </Header.Account>
        )}
        {navigation && navigation.length > 0 && (
          <Header.Navigation aria-label="Pages">
            {navigation.map((item) => (
              <Header.NavigationItem
                key={item.href}
                asElement={Link}
                to={item.href}
                current={isCurrent(item, pathname)}
              >
                {item.text}
                {itemExtra?.(item)}
              </Header.NavigationItem>
            ))}
          </Header.Navigation>
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
