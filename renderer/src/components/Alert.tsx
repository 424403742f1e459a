import type { ReactNode } from 'react';

export function Alert({
  type,
  heading,
  children,
}: {
  type: 'error' | 'warning' | 'success' | 'info';
  heading?: string;
  children: ReactNode;
}) {
  return (
    <div className={`usa-alert usa-alert--${type} usa-alert--slim`} role={type === 'error' ? 'alert' : 'status'}>
      <div className="usa-alert__body">
        {heading && <h2 className="usa-alert__heading">{heading}</h2>}
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}
