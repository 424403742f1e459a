import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside its own box (USWDS), never the whole page (200% zoom, WCAG 1.4.10). The
 * box is a region named after the table that takes the focus, so keyboard users can scroll it (WCAG 2.1.1).
 */
export function ScrollableTable({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`usa-table-container--scrollable scrollable-table${className ? ` ${className}` : ''}`}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable so keyboard users can scroll it
      tabIndex={0}
    >
      {children}
    </section>
  );
}
