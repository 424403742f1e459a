import { type ReactNode, useId } from 'react';

/**
 * One USWDS accordion section, driven by React (the USWDS script is not loaded): a heading holding a button
 * that says whether the section is expanded and controls it.
 */
export function AccordionSection({
  title,
  meta,
  open,
  onToggle,
  headingLevel = 3,
  testId,
  children,
}: {
  title: ReactNode;
  /** Counts and marks after the title, e.g. "14 criteria · 1 deficient". */
  meta?: ReactNode;
  open: boolean;
  onToggle: () => void;
  headingLevel?: 3 | 4;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading className="usa-accordion__heading" data-testid={testId}>
        <button
          type="button"
          className="usa-accordion__button review-accordion__button"
          aria-expanded={open}
          aria-controls={`${id}-content`}
          onClick={onToggle}
        >
          <span className="review-accordion__title">{title}</span>
          {meta && <span className="review-accordion__meta">{meta}</span>}
        </button>
      </Heading>
      <div id={`${id}-content`} className="usa-accordion__content review-accordion__content" hidden={!open}>
        {open && children}
      </div>
    </>
  );
}
