import type { ReactNode, Ref } from 'react';

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
  return (
    <div className={`usa-alert usa-alert--${type} usa-alert--slim`} role={type === 'error' ? 'alert' : 'status'}>
      <div className="usa-alert__body">
        {heading && (
          <h2 className="usa-alert__heading" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
            {heading}
          </h2>
        )}
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}
