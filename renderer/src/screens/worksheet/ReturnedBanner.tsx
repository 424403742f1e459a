import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRole } from '../../../../shared/domain/lifecycle';
import { formatDateTime } from '../../components/format';
import { useActorName } from '../../i18n/actor-name';
import { routeHref } from '../../state/route';
import { useWorksheetStore } from '../../state/worksheet-store';

/** A person as the SCSS reads them: their name, and their role when known, in the interface's language. */
export function usePersonLabel() {
  const { t } = useTranslation();
  const actorName = useActorName();
  return useCallback(
    (person: { name: string; role: UserRole | null }): string =>
      person.role
        ? t('worksheetParts.common.personWithRole', {
            name: actorName(person.name),
            role: t(`domain.userRole.${person.role}`),
          })
        : actorName(person.name),
    [t, actorName],
  );
}

/**
 * A validation the field office sent back: who returned it, when and why, and each finding they returned or
 * did not concur with, linking to it on its category page. 'compact' (category pages) leaves the per-finding
 * comments to the cards, which show them next to the finding.
 */
export function ReturnedBanner({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  const { t } = useTranslation();
  const personLabel = usePersonLabel();
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
          {t('worksheetParts.returned.heading')}
        </h2>
        <p className="usa-alert__text returned-banner__who">
          {t('worksheetParts.returned.who', {
            person: personLabel(returned.returnedBy),
            moment: formatDateTime(returned.returnedAt),
          })}
        </p>
        {returned.comment && (
          <blockquote className="returned-banner__comment" data-testid="returned-comment">
            {returned.comment}
          </blockquote>
        )}
        {count > 0 && variant === 'compact' && (
          <p className="usa-alert__text returned-banner__links">
            <span className="text-bold">{t('worksheetParts.returned.toCorrect', { count })}</span>{' '}
            {returned.findings.map((f, i) => (
              <span key={f.findingId}>
                {i > 0 && ', '}
                <a className="usa-link" href={linkTo(f.criterionId)}>
                  {f.criterionId}
                </a>{' '}
                ({t(`worksheetParts.returned.decisionInline.${f.decision}`)})
              </span>
            ))}
          </p>
        )}
        {count > 0 && variant === 'full' && (
          <>
            <h3 className="returned-banner__subheading">{t('worksheetParts.returned.countToCorrect', { count })}</h3>
            <ul className="usa-list usa-list--unstyled returned-banner__findings">
              {returned.findings.map((f) => {
                const proposed = f.proposedClassification
                  ? t(`domain.classification.${f.proposedClassification}`)
                  : null;
                return (
                  <li key={f.findingId} className="returned-finding" data-testid="returned-finding">
                    <p className="returned-finding__title">
                      <a className="usa-link" href={linkTo(f.criterionId)}>
                        {t('worksheetParts.common.findingOn', { criterion: f.criterionId })}
                      </a>{' '}
                      <span
                        className={`usa-tag returned-tag returned-tag--${f.decision === 'NON_CONCUR' ? 'nonconcur' : 'return'}`}
                      >
                        {t(`worksheetParts.returned.decision.${f.decision}`)}
                      </span>
                    </p>
                    {f.comment && <p className="returned-finding__comment">“{f.comment}”</p>}
                    <p className="returned-finding__meta">
                      {proposed && (
                        <>
                          {t('worksheetParts.returned.proposed')} <span className="text-bold">{proposed}</span> ·{' '}
                        </>
                      )}
                      {f.reviewedBy}, {formatDateTime(f.reviewedAt)}
                    </p>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <p className="usa-alert__text returned-banner__next">
          {t('worksheetParts.returned.nextBefore')}{' '}
          <a className="usa-link" href={routeHref({ name: 'worksheet', validationId, category: 1, section: 'review' })}>
            {t('worksheetParts.common.reviewAndSubmit')}
          </a>
          {t('worksheetParts.returned.nextAfter')}
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
  const { t } = useTranslation();
  if (!returned) return null;
  const proposed = returned.proposedClassification
    ? t(`domain.classification.${returned.proposedClassification}`)
    : null;
  return (
    <div className="returned-note" data-testid="returned-note">
      <p className="returned-note__title">
        <span
          className={`usa-tag returned-tag returned-tag--${returned.decision === 'NON_CONCUR' ? 'nonconcur' : 'return'}`}
        >
          {t(`worksheetParts.returned.decision.${returned.decision}`)}
        </span>{' '}
        <span className="returned-note__who">
          {returned.reviewedBy}, {formatDateTime(returned.reviewedAt)}
        </span>
      </p>
      {returned.comment && <p className="returned-note__comment">“{returned.comment}”</p>}
      {proposed && (
        <p className="returned-note__proposed">
          {t('worksheetParts.returned.proposed')} <span className="text-bold">{proposed}</span>
        </p>
      )}
    </div>
  );
}
