import type { ReactNode } from 'react';

/**
 * The box of a table that may be wider than a phone's screen: the table scrolls sideways inside it, not the
 * whole page (WCAG 1.4.10). The box takes keyboard focus, so it can be scrolled with the arrow keys, and is
 * a region named like its table, so a screen reader says what that stop is. Styles: `.app-table-scroll`.
 */
export function TableScroll({
  label,
  narrowOnly = false,
  children,
}: {
  label: string;
  /** Scroll only on a narrow screen: on a wider one the table's sticky headings need the window to scroll. */
  narrowOnly?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={narrowOnly ? 'app-table-scroll app-table-scroll--narrow-only' : 'app-table-scroll'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
