import { useEffect, useRef } from 'react';

/** One error of the summary; with `fieldId` it links to the field it concerns. */
export type ErrorSummaryItem = { text: string; fieldId?: string };

/** Moves focus to the field (the app routes by hash, so a plain #id link would navigate). */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

/**
 * A USWDS error alert above a form that lists every error, each linking to its field. It takes the focus when it
 * appears and again whenever `attempt` changes (each refused try), so a screen reader reads all the errors at once;
 * the fields' own messages are then not announced too (FormField's `announce={false}`).
 */
export function ErrorSummary({
  heading,
  headingLevel,
  items,
  attempt,
  testId,
}: {
  heading: string;
  /** The level below the section the form is in. */
  headingLevel: 2 | 3 | 4;
  items: readonly ErrorSummaryItem[];
  /** Anything that changes with each refused try: a submit count, the refusal itself. */
  attempt: unknown;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const Heading = `h${headingLevel}` as const;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each refused attempt takes the focus again
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  return (
    <div className="usa-alert usa-alert--error error-summary" role="alert" tabIndex={-1} ref={ref} data-testid={testId}>
      <div className="usa-alert__body">
        <Heading className="usa-alert__heading">{heading}</Heading>
        <ul className="usa-list usa-list--unstyled">
          {items.map((item) => (
            <li key={`${item.fieldId ?? ''}-${item.text}`}>
              {item.fieldId ? (
                <a className="usa-link" href={`#${item.fieldId}`} onClick={(e) => focusField(e, item.fieldId ?? '')}>
                  {item.text}
                </a>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
