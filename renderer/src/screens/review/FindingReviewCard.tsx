import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_RETURN_COMMENT, type ProposedClassification, shownDueDate } from '../../../../shared/domain/lifecycle';
import { PROPOSED_CLASSIFICATION_LABELS, type ReviewDecision } from '../../../../shared/domain/review';
import type { ReviewValidationView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { FindingDueDate } from '../../components/FindingDueDate';
import { errorIdOf, FieldError, FormField } from '../../components/FormField';
import { formatDateTime } from '../../components/format';
import { translateMessage } from '../../i18n/messages';
import { useReasonLabel } from '../../i18n/reason-labels';
import { LevelTag } from '../worksheet/criterion/CriterionTags';
import { ReviewEvidenceList } from './ReviewEvidence';

export type ReviewFinding = ReviewValidationView['findings'][number];
export type ReviewCriterion = ReviewValidationView['criteria'][number];

const DECISIONS: ReviewDecision[] = ['CONCUR', 'NON_CONCUR', 'RETURN_FOR_CORRECTION'];
const PROPOSALS = Object.keys(PROPOSED_CLASSIFICATION_LABELS) as ProposedClassification[];

/** The decision as recorded: what, by whom, when, and whether HQ has it (or refused it, and why). */
function ReviewState({ finding }: { finding: ReviewFinding }) {
  const { t } = useTranslation();
  const review = finding.review;
  if (!review) {
    return (
      <p className="finding-review__state finding-review__state--none" data-testid="review-state">
        {t('review.finding.noDecision')}
      </p>
    );
  }
  const proposed = review.decision === 'NON_CONCUR' && review.proposedClassification;
  return (
    <div
      className={`finding-review__state finding-review__state--${review.decision.toLowerCase().replace(/_/g, '-')}${finding.decidedThisRound ? '' : ' finding-review__state--earlier'}`}
      data-testid="review-state"
    >
      <p className="finding-review__state-line">
        {!finding.decidedThisRound && (
          <span className="finding-review__round">{t('review.finding.beforeResubmission')}</span>
        )}
        <strong data-testid="review-decision">{t(`review.labels.decision.${review.decision}`)}</strong>
        {proposed && t('review.finding.proposes', { classification: t(`domain.classification.${proposed}`) })}
        {t('review.finding.by', { name: review.reviewedBy })}{' '}
        <time dateTime={review.reviewedAt}>{formatDateTime(review.reviewedAt)}</time>
        <span
          className={`finding-review__sync finding-review__sync--${review.sync.toLowerCase()}`}
          data-testid="review-sync"
        >
          {t(`review.finding.sync.${review.sync}`)}
          {review.refusedReason &&
            `: ${translateMessage({ message: review.refusedReason, ...review.refusedReasonMessage })}`}
        </span>
      </p>
      {review.comment && <q className="finding-review__comment">{review.comment}</q>}
      {finding.decisionOutdated && (
        <p className="finding-review__outdated" data-testid="review-outdated">
          {t('review.finding.outdated')}
        </p>
      )}
    </div>
  );
}

type Message = { type: 'success' | 'error'; text: string };

/** Concur, Non-concur (proposing another classification, with a reason) or Return for correction (with a comment). */
function DecisionForm({
  finding,
  onSaved,
  onCancel,
}: {
  finding: ReviewFinding;
  onSaved: () => Promise<void>;
  onCancel: (() => void) | null;
}) {
  const id = useId();
  const { t } = useTranslation();
  const current = finding.decidedThisRound ? finding.review : null;
  const [decision, setDecision] = useState<ReviewDecision | null>(current?.decision ?? null);
  const [proposed, setProposed] = useState<ProposedClassification | null>(current?.proposedClassification ?? null);
  const [comment, setComment] = useState(current?.comment ?? '');
  const [problems, setProblems] = useState<{ decision?: string; proposed?: string; comment?: string }>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [saving, setSaving] = useState(false);
  const firstInvalid = useRef<HTMLElement | null>(null);
  const needsWords = decision === 'NON_CONCUR' || decision === 'RETURN_FOR_CORRECTION';
  const commentLabel =
    decision === 'NON_CONCUR'
      ? t('review.finding.commentNonConcur')
      : decision === 'RETURN_FOR_CORRECTION'
        ? t('review.finding.commentReturn')
        : t('review.finding.commentOptional');

  useEffect(() => {
    if (Object.keys(problems).length > 0) firstInvalid.current?.focus();
  }, [problems]);

  const save = async () => {
    const found: typeof problems = {};
    if (!decision) found.decision = t('review.finding.chooseDecision');
    if (decision === 'NON_CONCUR' && !proposed) found.proposed = t('review.finding.chooseProposal');
    if (needsWords && comment.trim().length < MIN_RETURN_COMMENT) {
      found.comment =
        decision === 'NON_CONCUR'
          ? t('review.finding.nonConcurTooShort', { min: MIN_RETURN_COMMENT })
          : t('review.labels.correctTooShort', { min: MIN_RETURN_COMMENT });
    }
    firstInvalid.current = document.getElementById(
      found.decision ? `${id}-CONCUR` : found.proposed ? `${id}-p-${PROPOSALS[0]}` : `${id}-comment`,
    );
    setProblems(found);
    if (!decision || Object.keys(found).length > 0) return;
    setSaving(true);
    setMessage(null);
    try {
      await call('reviews:save', {
        validationId: finding.validationId,
        findingId: finding.id,
        decision,
        comment: comment.trim(),
        ...(decision === 'NON_CONCUR' ? { proposedClassification: proposed } : {}),
      });
      setMessage({
        type: 'success',
        text: t('review.finding.saved', { decision: t(`review.labels.decision.${decision}`) }),
      });
      await onSaved();
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="finding-review__form" data-testid="decision-form">
      <fieldset className="usa-fieldset" aria-describedby={problems.decision ? errorIdOf(`${id}-decision`) : undefined}>
        <legend className="finding-review__legend">
          {t('review.finding.legend', { criterion: finding.criterionId })}
        </legend>
        {problems.decision && <FieldError id={`${id}-decision`}>{problems.decision}</FieldError>}
        <div className="finding-review__choices">
          {DECISIONS.map((value) => (
            <div className="usa-radio" key={value}>
              <input
                className="usa-radio__input usa-radio__input--tile"
                id={`${id}-${value}`}
                type="radio"
                name={`${id}-decision`}
                value={value}
                checked={decision === value}
                onChange={() => {
                  setDecision(value);
                  setProblems({});
                }}
              />
              <label className="usa-radio__label" htmlFor={`${id}-${value}`}>
                {t(`review.labels.decision.${value}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {decision === 'NON_CONCUR' && (
        <fieldset
          className="usa-fieldset finding-review__proposal"
          aria-describedby={problems.proposed ? errorIdOf(`${id}-proposed`) : undefined}
        >
          <legend className="finding-review__legend finding-review__legend--small">
            {t('review.finding.proposeInstead')}
          </legend>
          {problems.proposed && <FieldError id={`${id}-proposed`}>{problems.proposed}</FieldError>}
          <div className="finding-review__choices">
            {PROPOSALS.filter((p) => p !== finding.classification).map((value) => (
              <div className="usa-radio" key={value}>
                <input
                  className="usa-radio__input"
                  id={`${id}-p-${value}`}
                  type="radio"
                  name={`${id}-proposed`}
                  value={value}
                  checked={proposed === value}
                  onChange={() => setProposed(value)}
                />
                <label className="usa-radio__label" htmlFor={`${id}-p-${value}`}>
                  {t(`domain.classification.${value}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {decision !== null && (
        <FormField
          id={`${id}-comment`}
          label={
            <>
              {commentLabel}
              {needsWords && <span className="required-note">{t('review.labels.required')}</span>}
            </>
          }
          error={problems.comment}
          className="finding-review__comment-group"
        >
          {(control) => (
            <textarea
              className="usa-textarea finding-review__textarea"
              rows={2}
              maxLength={5000}
              value={comment}
              {...control}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </FormField>
      )}
      <div className="finding-review__actions">
        <button type="button" className="usa-button" disabled={saving} onClick={() => void save()}>
          {saving ? t('review.labels.saving') : t('review.finding.save')}
        </button>
        {onCancel && (
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            {t('review.labels.cancel')}
          </button>
        )}
      </div>
      <div aria-live="polite">{message && <Alert type={message.type}>{message.text}</Alert>}</div>
    </div>
  );
}

/**
 * One finding as the reviewer judges it: the criterion's text and level, the SCSS's finding, reason, notes,
 * site, how it was verified and its evidence, the decision so far, and the form to decide.
 */
export function FindingReviewCard({
  finding,
  requirements,
  canDecide,
  markChanged,
  responseDueDate,
  onSaved,
}: {
  finding: ReviewFinding;
  /** The criterion's sub-requirements (shown when it has more than one). */
  requirements: ReviewCriterion['requirements'];
  canDecide: boolean;
  /** Mark the finding when the SCSS changed it since the last return (while it is back for review). */
  markChanged: boolean;
  /** Once the report is dated, when every Action Required response is due (the report date plus the period). */
  responseDueDate: string | null;
  onSaved: () => Promise<void>;
}) {
  const headingId = useId();
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  const changed = markChanged && finding.changedSinceLastReview;
  const undecided = !finding.decidedThisRound;
  const [editing, setEditing] = useState(false);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const showForm = canDecide && (undecided || editing);
  const shownDue = shownDueDate(finding, responseDueDate);

  return (
    <article
      className={`finding-review${changed ? ' finding-review--changed' : ''}`}
      aria-labelledby={headingId}
      data-testid="finding-review"
      data-criterion={finding.criterionId}
      id={`finding-${finding.criterionId}`}
      tabIndex={-1}
    >
      <header className="finding-review__header">
        <h3 id={headingId} className="finding-review__id">
          {finding.criterionId}
        </h3>
        {finding.criterionLevel && <LevelTag level={finding.criterionLevel} />}
        <span
          className={`usa-tag classification-tag classification-tag--${finding.classification.toLowerCase().replace(/_/g, '-')}`}
          data-testid="finding-classification"
        >
          {t(`domain.classification.${finding.classification}`)}
        </span>
        {changed && <span className="usa-tag changed-tag">{t('review.labels.changedSinceReview')}</span>}
      </header>
      {finding.criterionSummary ? (
        <>
          <p className="finding-review__criterion">{finding.criterionSummary}</p>
          {requirements.length > 1 && (
            <ul className="finding-review__requirements">
              {requirements.map((r) => (
                <li key={r.key}>
                  <LevelTag level={r.level} /> {r.text}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="finding-review__criterion finding-review__criterion--missing">
          {t('review.finding.criterionMissing')}
        </p>
      )}
      <div className="finding-review__body">
        <div className="finding-review__finding">
          <h4 className="finding-review__subheading">{t('review.finding.finding')}</h4>
          <p className="finding-review__description" data-testid="finding-description">
            {finding.description || <em>{t('review.finding.noDescription')}</em>}
          </p>
          <dl className="finding-review__facts">
            <div>
              <dt>{t('review.finding.reason')}</dt>
              <dd>
                {finding.reasonCode && finding.reasonLabel
                  ? reasonLabel({ code: finding.reasonCode, label: finding.reasonLabel })
                  : (finding.reasonLabel ?? t('review.finding.noReason'))}
              </dd>
            </div>
            <div>
              <dt>{t('review.finding.due')}</dt>
              <dd data-testid="finding-due">
                {shownDue.due ? (
                  <FindingDueDate due={shownDue.due} proposed={shownDue.proposed} />
                ) : (
                  t('review.finding.noDueDate')
                )}
              </dd>
            </div>
            <div>
              <dt>{t('review.finding.site')}</dt>
              <dd>{finding.siteName ?? t('review.finding.noSite')}</dd>
            </div>
            <div>
              <dt>{t('review.finding.verifiedBy')}</dt>
              <dd>
                {finding.verificationMethods.length > 0
                  ? finding.verificationMethods.map((m) => t(`domain.method.${m}`)).join(', ')
                  : t('review.finding.notRecorded')}
              </dd>
            </div>
          </dl>
          {finding.notes && (
            <>
              <h4 className="finding-review__subheading">{t('review.finding.notes')}</h4>
              <p className="finding-review__notes">{finding.notes}</p>
            </>
          )}
          {finding.evidence.length > 0 && (
            <>
              <h4 className="finding-review__subheading">
                {t('review.finding.evidence', { count: finding.evidence.length })}
              </h4>
              <ReviewEvidenceList
                evidence={finding.evidence}
                label={t('review.labels.evidenceFor', { criterion: finding.criterionId })}
              />
            </>
          )}
        </div>
        <div className="finding-review__decision">
          <h4 className="finding-review__subheading">{t('review.finding.review')}</h4>
          <ReviewState finding={finding} />
          <div className="finding-review__live" aria-live="polite" data-testid="decision-saved">
            {justSaved && !showForm && <p className="finding-review__saved">{justSaved}</p>}
          </div>
          {showForm ? (
            <DecisionForm
              key={finding.review?.version ?? 0}
              finding={finding}
              onCancel={
                undecided
                  ? null
                  : () => {
                      setEditing(false);
                      requestAnimationFrame(() => changeButton.current?.focus());
                    }
              }
              onSaved={async () => {
                setEditing(false);
                setJustSaved(t('review.finding.decisionSaved'));
                await onSaved();
                requestAnimationFrame(() => changeButton.current?.focus());
              }}
            />
          ) : (
            canDecide && (
              <button
                ref={changeButton}
                type="button"
                className="usa-button usa-button--outline usa-button--small finding-review__change"
                onClick={() => {
                  setJustSaved(null);
                  setEditing(true);
                }}
              >
                {t('review.finding.change')}
                <span className="usa-sr-only">{t('review.finding.changeOn', { criterion: finding.criterionId })}</span>
              </button>
            )
          )}
        </div>
      </div>
    </article>
  );
}
