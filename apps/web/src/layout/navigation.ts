import type { components } from '../api/schema';

type Role = components['schemas']['UserDto']['role'];

export interface NavItem {
  /** The page's path; the item is current on it and on the pages below it. */
  href: string;
  text: string;
  /** Who sees the item; every signed-in user when absent. The API still checks every request. */
  roles?: readonly Role[];
}

/**
 * The header's navigation, in the order shown. A page that only some roles may use is offered only to them:
 * a link that always ends in "not allowed" helps nobody.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', text: 'Dashboard' },
  { href: '/practices', text: 'Practices' },
  { href: '/follow-ups', text: 'Follow-ups' },
  { href: '/reminders', text: 'Reminders' },
  { href: '/admin', text: 'Admin', roles: ['admin'] },
];

/** The items `role` may use. */
export const navItemsFor = (role: Role) => NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));

/** Whether `pathname` is the item's page or one below it ("/" only for itself). */
export const isCurrent = (item: NavItem, pathname: string) =>
  item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
