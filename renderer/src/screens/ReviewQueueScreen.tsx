import { useCallback, useEffect, useState } from 'react';
import { ENTITY_TYPE_LABELS, type EntityType } from '../../../shared/domain/entity-types';
import { FINDING_CLASSIFICATION_LABELS, type FindingClassification } from '../../../shared/domain/field-work';
import { REVIEW_DECISION_LABELS, type ReviewDecision } from '../../../shared/domain/review';
import { VALIDATION_MODE_LABELS, type ValidationMode } from '../../../shared/domain/validation';
import type { ReviewQueueItem } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { formatDate, formatDateTime } from '../components/format';
import { useSyncStore } from '../state/sync-store';

type Finding = ReviewQueueItem['findings'][number];

/** A field office reviewer's list: submitted validations pulled from HQ, each finding to concur with or return. */
export function ReviewQueueScreen() {
  const [queue, setQueue] = useState<ReviewQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const load = useCallback(async () => {
    try {
      setQueue(await call('reviews:queue', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a finished sync may have pulled new validations
  useEffect(() => {
    void load();
  }, [load, lastSuccessAt]);

  return (
    <div className="grid-container screen">
      <h1 tabIndex={-1}>Review findings</h1>
      <p className="usa-intro">
        Submitted validations of your field office, as HQ holds them. Your decisions are sent to HQ with the next sync;
        the SCSS&rsquo;s findings themselves cannot be changed.
      </p>
      {error && <Alert type="error">{error}</Alert>}
      {queue?.length === 0 && (
        <p data-testid="review-queue-empty">Nothing to review yet. Sync to receive submitted validations from HQ.</p>
      )}
      {queue?.map((item) => (
        <section
          key={item.validationId}
          className="review-item"
          data-testid="review-item"
          aria-labelledby={`rv-${item.validationId}`}
        >
          <h2 id={`rv-${item.validationId}`}>
            {item.memberName ?? 'Member not on this computer'} ·{' '}
            {ENTITY_TYPE_LABELS[item.entityType as EntityType] ?? item.entityType}
          </h2>
          <p className="text-base">
            {VALIDATION_MODE_LABELS[item.mode as ValidationMode] ?? item.mode} validation scheduled{' '}
            {formatDate(item.scheduledDate)}
            {item.signedByName && ` · signed by ${item.signedByName}`}
            {item.submittedAt && ` · submitted ${formatDateTime(item.submittedAt)}`}
          </p>
          {item.findings.length === 0 ? (
            <p>No findings: every criterion was met.</p>
          ) : (
            item.findings.map((finding) => (
              <FindingReviewCard key={finding.id} validationId={item.validationId} finding={finding} onSaved={load} />
            ))
          )}
        </section>
      ))}
    </div>
  );
}

function FindingReviewCard(props: { validationId: string; finding: Finding; onSaved: () => Promise<void> }) {
  const { validationId, finding } = props;
  const [decision, setDecision] = useState<ReviewDecision | null>(finding.review?.decision ?? null);
  const [comment, setComment] = useState(finding.review?.comment ?? '');
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const refreshStatus = useSyncStore((s) => s.refreshStatus);
  const name = `decision-${finding.id}`;

  const save = async () => {
    if (!decision) {
      setMessage({ type: 'error', text: 'Choose Concur or Return for correction.' });
      return;
    }
    setMessage(null);
    try {
      await call('reviews:save', { validationId, findingId: finding.id, decision, comment });
      setMessage({ type: 'success', text: 'Review saved; it goes to HQ with the next sync.' });
      await Promise.all([props.onSaved(), refreshStatus()]);
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    }
  };

  return (
    <div className="usa-summary-box margin-bottom-2" data-testid="finding-review">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">
          Criterion {finding.criterionId} ·{' '}
          {FINDING_CLASSIFICATION_LABELS[finding.classification as FindingClassification] ?? finding.classification}
          {finding.dueDate && ` · due ${formatDate(finding.dueDate)}`}
        </h3>
        <p className="usa-summary-box__text">{finding.description}</p>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Your decision</legend>
          {(Object.keys(REVIEW_DECISION_LABELS) as ReviewDecision[]).map((value) => (
            <div className="usa-radio" key={value}>
              <input
                className="usa-radio__input"
                id={`${name}-${value}`}
                type="radio"
                name={name}
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
              />
              <label className="usa-radio__label" htmlFor={`${name}-${value}`}>
                {REVIEW_DECISION_LABELS[value]}
              </label>
            </div>
          ))}
        </fieldset>
        <label className="usa-label" htmlFor={`comment-${finding.id}`}>
          Comment for the SCSS
        </label>
        <textarea
          className="usa-textarea"
          id={`comment-${finding.id}`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        {message && <Alert type={message.type}>{message.text}</Alert>}
        <button type="button" className="usa-button margin-top-1" onClick={() => void save()}>
          Save review
        </button>
        {finding.review && (
          <p className="text-base" data-testid="review-saved-at">
            {REVIEW_DECISION_LABELS[finding.review.decision]} by {finding.review.reviewedBy},{' '}
            {formatDateTime(finding.review.reviewedAt)}
          </p>
        )}
      </div>
    </div>
  );
}
