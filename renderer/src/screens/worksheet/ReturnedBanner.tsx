import { routeHref } from '../../state/route';
import { useWorksheetStore } from '../../state/worksheet-store';
import { formatMoment, personLabel, proposedLabel, RETURNED_DECISION_LABELS } from './lifecycle-labels';

/**
 * A validation the field office sent back: who returned it, when and why, and each finding they returned or
 * did not concur with, linking to it on its category page. 'compact' (category pages) leaves the per-finding
 * comments to the cards, which show them next to the finding.
 */
export function ReturnedBanner({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  const returned = useWorksheetStore((s) => s.worksheet?.lifecycle.returned ?? null);
  const criteria = useWorksheetStore((s) => s.worksheet?.criteria);
  const validationId = useWorksheetStore((s) => s.worksheet?.validation.id ?? '');
  if (!returned || !criteria) return null;

  const linkTo = (criterionId: string) =>
    routeHref({
      name: 'worksheet',
      validationId,
      category: criteria.find((c) => c.id === criterionId)?.category ?? 1,
      focus: criterionId,
    });
  const count = returned.findings.length;
  return (
    <section
      className={`usa-alert usa-alert--warning returned-banner returned-banner--${variant}`}
      aria-labelledby="returned-banner-heading"
      data-testid="returned-banner"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="returned-banner-heading">
          Returned for correction
        </h2>
        <p className="usa-alert__text returned-banner__who">
          {personLabel(returned.returnedBy)} returned this validation on {formatMoment(returned.returnedAt)}.
        </p>
        {returned.comment && (
          <blockquote className="returned-banner__comment" data-testid="returned-comment">
            {returned.comment}
          </blockquote>
        )}
        {count > 0 && variant === 'compact' && (
          <p className="usa-alert__text returned-banner__links">
            <span className="text-bold">Finding{count === 1 ? '' : 's'} to correct:</span>{' '}
            {returned.findings.map((f, i) => (
              <span key={f.findingId}>
                {i > 0 && ', '}
                <a className="usa-link" href={linkTo(f.criterionId)}>
                  {f.criterionId}
                </a>{' '}
                ({RETURNED_DECISION_LABELS[f.decision].toLowerCase()})
              </span>
            ))}
          </p>
        )}
        {count > 0 && variant === 'full' && (
          <>
            <h3 className="returned-banner__subheading">
              {count} finding{count === 1 ? '' : 's'} to correct
            </h3>
            <ul className="usa-list usa-list--unstyled returned-banner__findings">
              {returned.findings.map((f) => {
                const proposed = proposedLabel(f);
                return (
                  <li key={f.findingId} className="returned-finding" data-testid="returned-finding">
                    <p className="returned-finding__title">
                      <a className="usa-link" href={linkTo(f.criterionId)}>
                        Finding on {f.criterionId}
                      </a>{' '}
                      <span
                        className={`usa-tag returned-tag returned-tag--${f.decision === 'NON_CONCUR' ? 'nonconcur' : 'return'}`}
                      >
                        {RETURNED_DECISION_LABELS[f.decision]}
                      </span>
                    </p>
                    {f.comment && <p className="returned-finding__comment">“{f.comment}”</p>}
                    <p className="returned-finding__meta">
                      {proposed && (
                        <>
                          Proposed classification: <span className="text-bold">{proposed}</span> ·{' '}
                        </>
                      )}
                      {f.reviewedBy}, {formatMoment(f.reviewedAt)}
                    </p>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <p className="usa-alert__text returned-banner__next">
          Correct the worksheet, then sign and submit it again under{' '}
          <a className="usa-link" href={routeHref({ name: 'worksheet', validationId, category: 1, section: 'review' })}>
            Review and submit
          </a>
          . It goes back to the field office for review.
        </p>
      </div>
    </section>
  );
}

/** The reviewer's words on one finding, shown next to it on its criterion card. */
export function ReturnedFindingNote({ findingId }: { findingId: string }) {
  const returned = useWorksheetStore((s) =>
    s.worksheet?.lifecycle.returned?.findings.find((f) => f.findingId === findingId),
  );
  if (!returned) return null;
  const proposed = proposedLabel(returned);
  return (
    <div className="returned-note" data-testid="returned-note">
      <p className="returned-note__title">
        <span
          className={`usa-tag returned-tag returned-tag--${returned.decision === 'NON_CONCUR' ? 'nonconcur' : 'return'}`}
        >
          {RETURNED_DECISION_LABELS[returned.decision]}
        </span>{' '}
        <span className="returned-note__who">
          {returned.reviewedBy}, {formatMoment(returned.reviewedAt)}
        </span>
      </p>
      {returned.comment && <p className="returned-note__comment">“{returned.comment}”</p>}
      {proposed && (
        <p className="returned-note__proposed">
          Proposed classification: <span className="text-bold">{proposed}</span>
        </p>
      )}
    </div>
  );
}
