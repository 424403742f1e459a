import { useTranslation } from 'react-i18next';
import type { MemberRecordView } from '../../../../shared/ipc/member-record-contract';
import { formatDate } from '../../components/format';

/** Where the Member stands today: status and tier, the next validation, this year's profile review, how to write. */
export function RecordSummary({ view }: { view: MemberRecordView }) {
  const { t } = useTranslation();
  const review = view.profileReview;
  return (
    <div className="member-record__summary" data-testid="record-summary">
      <section className="member-record__card" aria-labelledby="summary-status">
        <h2 id="summary-status">{t('memberRecord.status.heading')}</h2>
        {view.status === null ? (
          <>
            <p className="member-record__big" data-testid="record-status">
              {t('memberRecord.status.none')}
            </p>
            <p className="member-record__hint">{t('memberRecord.status.noneHint')}</p>
          </>
        ) : (
          <>
            <p className="member-record__big" data-testid="record-status">
              <span className={`usa-tag member-record__status member-record__status--${view.status.toLowerCase()}`}>
                {t(`memberRecord.status.${view.status}`)}
              </span>
              {view.tier !== null && (
                <span className="member-record__tier">{t('memberRecord.status.tier', { tier: view.tier })}</span>
              )}
            </p>
            {view.certifiedOn && <p>{t('memberRecord.status.certifiedOn', { date: formatDate(view.certifiedOn) })}</p>}
            {view.suspension && (
              <>
                <p>
                  {t('memberRecord.status.suspendedOn', {
                    date: formatDate(view.suspension.effectiveOn),
                    reason: view.suspension.reason,
                  })}
                </p>
                <p>{t('memberRecord.status.reinstatement', { condition: view.suspension.reinstatementCondition })}</p>
              </>
            )}
            {view.removal && (
              <p>
                {t('memberRecord.status.removedOn', {
                  date: formatDate(view.removal.effectiveOn),
                  reason: view.removal.reason,
                })}
              </p>
            )}
            {view.tier === 3 && view.bestPractices.length > 0 && (
              <>
                <p>{t('memberRecord.status.bestPractices', { count: view.bestPractices.length })}</p>
                <ul className="member-record__practices">
                  {view.bestPractices.map((p) => (
                    <li key={p.description}>{p.description}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
      <section className="member-record__card" aria-labelledby="summary-validation">
        <h2 id="summary-validation">{t('memberRecord.validation.heading')}</h2>
        {view.validationOverdue && (
          <p className="member-record__tag-line">
            <span className="usa-tag member-record__overdue">{t('memberRecord.validation.overdue')}</span>
          </p>
        )}
        <p className="member-record__big" data-testid="record-next-validation">
          {view.nextValidationDueOn
            ? t(`memberRecord.validation.due.${view.nextValidationKind}`, {
                date: formatDate(view.nextValidationDueOn),
              })
            : view.status === 'REMOVED'
              ? t('memberRecord.validation.removed')
              : t('memberRecord.validation.noDue')}
        </p>
        <p data-testid="record-last-validation">
          {view.lastValidatedOn
            ? t('memberRecord.validation.last', { date: formatDate(view.lastValidatedOn) })
            : t('memberRecord.validation.never')}
        </p>
        {view.soonerRevalidation && (
          <p>{t('memberRecord.validation.sooner', { reason: view.soonerRevalidation.reason })}</p>
        )}
      </section>
      <section className="member-record__card" aria-labelledby="summary-review">
        <h2 id="summary-review">{t('memberRecord.review.heading')}</h2>
        {review ? (
          <>
            <p className="member-record__tag-line">
              <span
                className={`usa-tag member-record__review member-record__review--${review.state.toLowerCase()}`}
                data-testid="record-review-state"
              >
                {t(`memberRecord.review.state.${review.state}`)}
              </span>
            </p>
            <p className="member-record__big" data-testid="record-review">
              {t('memberRecord.review.due', { date: formatDate(review.dueOn) })}
            </p>
            <p>{t('memberRecord.review.anniversary', { date: formatDate(review.anniversaryOn) })}</p>
            <p>{t('memberRecord.review.window', { date: formatDate(review.windowOpensOn) })}</p>
            {review.grantedDays > 0 && <p>{t('memberRecord.review.extended', { days: review.grantedDays })}</p>}
            {review.pendingExtension && (
              <p>
                {t('memberRecord.review.pending', {
                  days: review.pendingExtension.days,
                  date: formatDate(review.pendingExtension.requestedOn),
                })}
              </p>
            )}
          </>
        ) : (
          <p className="member-record__hint">
            {view.status === 'REMOVED' ? t('memberRecord.review.removed') : t('memberRecord.review.none')}
          </p>
        )}
      </section>
      <section className="member-record__card" aria-labelledby="summary-correspondence">
        <h2 id="summary-correspondence">{t('memberRecord.correspondence.heading')}</h2>
        <p data-testid="record-language">
          {t('memberRecord.correspondence.language', {
            language: t(`memberRecord.language.${view.member.correspondenceLanguage}`),
          })}
        </p>
        {view.contacts.length === 0 ? (
          <p className="member-record__hint">{t('memberRecord.correspondence.noContacts')}</p>
        ) : (
          <ul
            className="usa-list usa-list--unstyled member-record__contacts"
            aria-label={t('memberRecord.correspondence.contacts')}
          >
            {view.contacts.map((c) => (
              <li key={`${c.name}|${c.email}`}>
                <strong>{c.name}</strong>
                {[c.role, c.email, c.phone].filter(Boolean).map((part) => (
                  <span key={part} className="member-record__contact-part">
                    {part}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
