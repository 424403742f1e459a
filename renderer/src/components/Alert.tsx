import { type ReactNode, type Ref, useEffect, useState } from 'react';

/** How long the live region stays unread after a frame drew it: screen readers take a moment to register a region. */
const ANNOUNCE_AFTER_MS = 100;

/**
 * A USWDS alert that screen readers announce: its live region (role="alert" for errors, "status" otherwise) is
 * mounted with nothing a screen reader reads and its text put in just after, since a region added already
 * holding its text is often not read.
 */
export function Alert({
  type,
  heading,
  headingRef,
  children,
}: {
  type: 'error' | 'warning' | 'success' | 'info';
  heading?: string;
  /** Given, the heading can take the focus: a region mounted already holding its text is not read out. */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  // A heading the caller focuses is read out by the focus, and must exist at once to be focused.
  const [filled, setFilled] = useState(headingRef !== undefined);
  useEffect(() => {
    if (filled) return;
    let timer = 0;
    // Timed from the next frame, not from now: on a busy laptop a frame can come later than the timer would.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setFilled(true), ANNOUNCE_AFTER_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [filled]);
  const body = (hidden: boolean) => (
    <div
      key={hidden ? 'held' : 'read'}
      className="usa-alert__body"
      {...(hidden ? { 'aria-hidden': true, inert: true, style: { visibility: 'hidden' as const } } : {})}
    >
      {heading && (
        <h2 className="usa-alert__heading" ref={hidden ? undefined : headingRef} tabIndex={headingRef ? -1 : undefined}>
          {heading}
        </h2>
      )}
      <p className="usa-alert__text">{children}</p>
    </div>
  );
  // Until its text is put in, an unseen and unread copy holds the alert's height: content below it does not
  // move when the text arrives, which could turn a click already pressed into one released elsewhere.
  return (
    <div className={`usa-alert usa-alert--${type} usa-alert--slim`} role={type === 'error' ? 'alert' : 'status'}>
      {body(!filled)}
    </div>
  );
}
