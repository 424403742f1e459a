import { useEffect, useId, useRef, useState } from 'react';
import { VERIFICATION_METHOD_LABELS } from '../../../../shared/domain/field-work';
import { MIN_RETURN_COMMENT, type ProposedClassification } from '../../../../shared/domain/lifecycle';
import {
  PROPOSED_CLASSIFICATION_LABELS,
  REVIEW_DECISION_LABELS,
  type ReviewDecision,
} from '../../../../shared/domain/review';
import type { ReviewValidationView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { ReviewEvidenceList } from './ReviewEvidence';
import { classificationLabel, formatMoment, LEVEL_LABELS } from './review-format';

export type ReviewFinding = ReviewValidationView['findings'][number];
export type ReviewCriterion = ReviewValidationView['criteria'][number];
type Review = NonNullable<ReviewFinding['review']>;

const DECISIONS: ReviewDecision[] = ['CONCUR', 'NON_CONCUR', 'RETURN_FOR_CORRECTION'];
const PROPOSALS = Object.keys(PROPOSED_CLASSIFICATION_LABELS) as ProposedClassification[];

const SYNC_LABELS: Record<Review['sync'], string> = {
  AT_HQ: 'At HQ',
  WAITING: 'Not sent yet: goes to HQ with the next sync',
  REFUSED: 'Refused by HQ',
  LOCAL_ONLY: 'On this computer only',
};

export function LevelTag({ level }: { level: keyof typeof LEVEL_LABELS }) {
  return <span className={`usa-tag level-tag level-tag--${level.toLowerCase()}`}>{LEVEL_LABELS[level]}</span>;
}

/** The decision as recorded: what, by whom, when, and whether HQ has it (or refused it, and why). */
function ReviewState({ finding }: { finding: ReviewFinding }) {
  const review = finding.review;
  if (!review) {
    return (
      <p className="finding-review__state finding-review__state--none" data-testid="review-state">
        No decision yet.
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
        {!finding.decidedThisRound && <span className="finding-review__round">Before the resubmission: </span>}
        <strong data-testid="review-decision">{REVIEW_DECISION_LABELS[review.decision]}</strong>
        {proposed && <> (proposes {PROPOSED_CLASSIFICATION_LABELS[proposed]})</>} by {review.reviewedBy},{' '}
        <time dateTime={review.reviewedAt}>{formatMoment(review.reviewedAt)}</time>
        <span
          className={`finding-review__sync finding-review__sync--${review.sync.toLowerCase()}`}
          data-testid="review-sync"
        >
          {SYNC_LABELS[review.sync]}
          {review.refusedReason && `: ${review.refusedReason}`}
        </span>
      </p>
      {review.comment && <q className="finding-review__comment">{review.comment}</q>}
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
      ? 'Why you do not concur'
      : decision === 'RETURN_FOR_CORRECTION'
        ? 'What the SCSS must correct'
        : 'Comment (optional)';

  useEffect(() => {
    if (Object.keys(problems).length > 0) firstInvalid.current?.focus();
  }, [problems]);

  const save = async () => {
    const found: typeof problems = {};
    if (!decision) found.decision = 'Choose Concur, Non-concur or Return for correction.';
    if (decision === 'NON_CONCUR' && !proposed) found.proposed = 'Propose a classification instead.';
    if (needsWords && comment.trim().length < MIN_RETURN_COMMENT) {
      found.comment = `${decision === 'NON_CONCUR' ? 'Say why you do not concur' : 'Say what the SCSS must correct'} (at least ${MIN_RETURN_COMMENT} characters).`;
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
        text: `${REVIEW_DECISION_LABELS[decision]} saved. It goes to HQ with the next sync.`,
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
      <fieldset className="usa-fieldset" aria-describedby={problems.decision ? `${id}-decision-error` : undefined}>
        <legend className="finding-review__legend">Your decision on {finding.criterionId}</legend>
        {problems.decision && (
          <span className="usa-error-message" id={`${id}-decision-error`}>
            {problems.decision}
          </span>
        )}
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
                {REVIEW_DECISION_LABELS[value]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {decision === 'NON_CONCUR' && (
        <fieldset
          className="usa-fieldset finding-review__proposal"
          aria-describedby={problems.proposed ? `${id}-proposed-error` : undefined}
        >
          <legend className="finding-review__legend finding-review__legend--small">
            Classification you propose instead
          </legend>
          {problems.proposed && (
            <span className="usa-error-message" id={`${id}-proposed-error`}>
              {problems.proposed}
            </span>
          )}
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
                  {PROPOSED_CLASSIFICATION_LABELS[value]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {decision !== null && (
        <div
          className={`usa-form-group${problems.comment ? ' usa-form-group--error' : ''} finding-review__comment-group`}
        >
          <label className="usa-label" htmlFor={`${id}-comment`}>
            {commentLabel}
            {needsWords && <span className="required-note"> (required)</span>}
          </label>
          {problems.comment && (
            <span className="usa-error-message" id={`${id}-comment-error`}>
              {problems.comment}
            </span>
          )}
          <textarea
            className={`usa-textarea finding-review__textarea${problems.comment ? ' usa-input--error' : ''}`}
            id={`${id}-comment`}
            rows={2}
            maxLength={5000}
            value={comment}
            aria-describedby={problems.comment ? `${id}-comment-error` : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
      )}
      <div className="finding-review__actions">
        <button type="button" className="usa-button" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save decision'}
        </button>
        {onCancel && (
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            Cancel
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
  onSaved,
}: {
  finding: ReviewFinding;
  /** The criterion's sub-requirements (shown when it has more than one). */
  requirements: ReviewCriterion['requirements'];
  canDecide: boolean;
  /** Mark the finding when the SCSS changed it since the last return (while it is back for review). */
  markChanged: boolean;
  onSaved: () => Promise<void>;
}) {
  const headingId = useId();
  const changed = markChanged && finding.changedSinceLastReview;
  const undecided = !finding.decidedThisRound;
  const [editing, setEditing] = useState(false);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const showForm = canDecide && (undecided || editing);

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
          {classificationLabel(finding.classification)}
        </span>
        {changed && <span className="usa-tag changed-tag">Changed since your last review</span>}
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
          The criterion&rsquo;s text is not on this computer (its catalog edition is not installed).
        </p>
      )}
      <div className="finding-review__body">
        <div className="finding-review__finding">
          <h4 className="finding-review__subheading">Finding</h4>
          <p className="finding-review__description" data-testid="finding-description">
            {finding.description || <em>No description.</em>}
          </p>
          <dl className="finding-review__facts">
            <div>
              <dt>Reason</dt>
              <dd>{finding.reasonLabel ?? 'None given'}</dd>
            </div>
            <div>
              <dt>Due</dt>
              <dd>{finding.dueDate ? formatDate(finding.dueDate) : 'No due date'}</dd>
            </div>
            <div>
              <dt>Site</dt>
              <dd>{finding.siteName ?? 'No particular site'}</dd>
            </div>
            <div>
              <dt>Verified by</dt>
              <dd>
                {finding.verificationMethods.length > 0
                  ? finding.verificationMethods.map((m) => VERIFICATION_METHOD_LABELS[m]).join(', ')
                  : 'Not recorded'}
              </dd>
            </div>
          </dl>
          {finding.notes && (
            <>
              <h4 className="finding-review__subheading">SCSS&rsquo;s notes</h4>
              <p className="finding-review__notes">{finding.notes}</p>
            </>
          )}
          {finding.evidence.length > 0 && (
            <>
              <h4 className="finding-review__subheading">Evidence ({finding.evidence.length})</h4>
              <ReviewEvidenceList evidence={finding.evidence} label={`Evidence for ${finding.criterionId}`} />
            </>
          )}
        </div>
        <div className="finding-review__decision">
          <h4 className="finding-review__subheading">Review</h4>
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
                setJustSaved('Decision saved.');
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
                Change decision<span className="usa-sr-only"> on {finding.criterionId}</span>
              </button>
            )
          )}
        </div>
      </div>
    </article>
  );
}
