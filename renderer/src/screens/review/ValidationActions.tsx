import { useEffect, useId, useState } from 'react';
import { MIN_RETURN_COMMENT, reviewOpen } from '../../../../shared/domain/lifecycle';
import type { ReviewValidationView, ValidationLifecycleView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { useSyncStore } from '../../state/sync-store';
import { plural, shortHash } from './review-format';

type Kind = ValidationLifecycleView['actions'][number]['kind'];
type Action = ValidationLifecycleView['actions'][number];

const ACTION_LABELS: Record<Kind, string> = {
  RETURN: 'Return for correction',
  APPROVE: 'Approve',
  ISSUE_REPORT: 'Issue the report',
  CLOSE: 'Close the validation',
};

/** The steps worth showing in each state; another step shows only if the rules allow it anyway. */
function relevant(lifecycle: ValidationLifecycleView): Action[] {
  const state = lifecycle.state;
  const wanted: Kind[] =
    state && reviewOpen(state)
      ? ['RETURN', 'APPROVE']
      : state === 'APPROVED'
        ? ['ISSUE_REPORT']
        : state === 'AWAITING_RESPONSE'
          ? ['CLOSE']
          : [];
  return lifecycle.actions.filter((a) => wanted.includes(a.kind) || a.allowed);
}

/** Findings "Concur with all remaining" would concur with: no decision this round and not concurred already. */
export const remainingFindings = (view: ReviewValidationView) =>
  view.findings.filter((f) => !f.review || (f.review.decision !== 'CONCUR' && !f.decidedThisRound));

type Feedback = { type: 'success' | 'error'; text: string } | null;

/**
 * What the reviewer or supervisor can do with the whole validation: concur with every finding left, return it
 * with a comment, approve it, issue its report. A step not allowed now is shown with the reason.
 */
export function ValidationActions({
  view,
  canDecide,
  onChanged,
}: {
  view: ReviewValidationView;
  canDecide: boolean;
  onChanged: () => Promise<void>;
}) {
  const id = useId();
  const refreshStatus = useSyncStore((s) => s.refreshStatus);
  const [pending, setPending] = useState<Kind | 'CONCUR_ALL' | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const lifecycle = view.lifecycle;
  const remaining = remainingFindings(view);
  const concurred = view.findings.filter((f) => f.review?.decision === 'CONCUR').length;
  const undecided = view.findings.filter((f) => !f.decidedThisRound).length;
  const actions = relevant(lifecycle);

  // The confirmation's first field (the comment) or its button takes the focus.
  useEffect(() => {
    if (pending) (document.getElementById(`${id}-comment`) ?? document.getElementById(`${id}-confirm`))?.focus();
  }, [pending, id]);

  const start = (kind: Kind | 'CONCUR_ALL') => {
    setFeedback(null);
    setComment('');
    setCommentError(null);
    setPending(kind);
  };
  const cancel = () => {
    const was = pending;
    setPending(null);
    requestAnimationFrame(() => document.getElementById(`${id}-${was}`)?.focus());
  };

  const confirm = async () => {
    if (!pending) return;
    if (pending === 'RETURN' && comment.trim().length < MIN_RETURN_COMMENT) {
      setCommentError(`Say what the SCSS must correct (at least ${MIN_RETURN_COMMENT} characters).`);
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    setBusy(true);
    setFeedback(null);
    try {
      if (pending === 'CONCUR_ALL') {
        const result = await call('reviews:concurall', { validationId: view.validationId, comment: comment.trim() });
        setFeedback({
          type: 'success',
          text: `Concurred with ${plural(result.reviews.length, 'finding')}. It goes to HQ with the next sync.`,
        });
      } else {
        const after = await call('workflow:transition', {
          validationId: view.validationId,
          kind: pending,
          comment: comment.trim(),
        });
        setFeedback({ type: 'success', text: doneMessage(pending, after) });
      }
      setPending(null);
      await Promise.all([onChanged(), refreshStatus()]);
      requestAnimationFrame(() => document.getElementById(`${id}-feedback`)?.focus());
    } catch (e) {
      setFeedback({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="validation-actions" aria-labelledby={`${id}-heading`} data-testid="validation-actions">
      <h2 id={`${id}-heading`} className="validation-actions__heading">
        {lifecycle.state && reviewOpen(lifecycle.state) ? 'Decide on the validation' : 'Next step'}
      </h2>
      <p className="validation-actions__progress" data-testid="concurred-count">
        {view.findings.length === 0
          ? 'No findings: every criterion was met.'
          : `${concurred} of ${plural(view.findings.length, 'finding')} concurred`}
        {view.findings.length > 0 && undecided > 0 && reviewOpen(lifecycle.state ?? 'IN_PROGRESS') && (
          <> · {undecided} without a decision</>
        )}
        {view.findings.length > 0 &&
          concurred === view.findings.length &&
          reviewOpen(lifecycle.state ?? 'IN_PROGRESS') && <>: every finding has a concurring decision</>}
      </p>

      <div
        id={`${id}-feedback`}
        className="validation-actions__feedback"
        tabIndex={-1}
        aria-live="polite"
        data-testid="action-feedback"
      >
        {feedback?.type === 'success' && <p className="validation-actions__done">{feedback.text}</p>}
      </div>
      {feedback?.type === 'error' && <Alert type="error">{feedback.text}</Alert>}

      {canDecide && remaining.length > 0 && pending !== 'CONCUR_ALL' && (
        <button
          id={`${id}-CONCUR_ALL`}
          type="button"
          className="usa-button usa-button--outline validation-actions__button"
          onClick={() => start('CONCUR_ALL')}
        >
          Concur with all remaining ({remaining.length})
        </button>
      )}
      {pending === 'CONCUR_ALL' && (
        <div className="validation-actions__confirm" data-testid="confirm-concur-all">
          <p>
            Concur with {remaining.map((f) => f.criterionId).join(', ')}? Decisions you already made in this round stay
            as they are.
          </p>
          <label className="usa-label" htmlFor={`${id}-comment`}>
            Comment for each (optional)
          </label>
          <textarea
            id={`${id}-comment`}
            className="usa-textarea validation-actions__textarea"
            rows={2}
            maxLength={5000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <ConfirmButtons
            id={`${id}-confirm`}
            busy={busy}
            label={`Concur with ${remaining.length}`}
            onConfirm={confirm}
            onCancel={cancel}
          />
        </div>
      )}

      {actions.length > 0 && (
        <ul className="validation-actions__list">
          {actions.map((action) => (
            <li key={action.kind} className="validation-actions__item">
              {pending === action.kind ? (
                <div className="validation-actions__confirm" data-testid={`confirm-${action.kind.toLowerCase()}`}>
                  {action.kind === 'RETURN' ? (
                    <div className={`usa-form-group${commentError ? ' usa-form-group--error' : ''}`}>
                      <label className="usa-label" htmlFor={`${id}-comment`}>
                        What the SCSS must correct <span className="required-note">(required)</span>
                      </label>
                      <span className="usa-hint" id={`${id}-comment-hint`}>
                        Sent with your decisions on each finding.
                      </span>
                      {commentError && (
                        <span className="usa-error-message" id={`${id}-comment-error`}>
                          {commentError}
                        </span>
                      )}
                      <textarea
                        id={`${id}-comment`}
                        className={`usa-textarea validation-actions__textarea${commentError ? ' usa-input--error' : ''}`}
                        rows={3}
                        maxLength={5000}
                        value={comment}
                        aria-describedby={`${id}-comment-hint${commentError ? ` ${id}-comment-error` : ''}`}
                        onChange={(e) => {
                          setComment(e.target.value);
                          if (commentError) setCommentError(null);
                        }}
                      />
                    </div>
                  ) : (
                    <p>{confirmText(action.kind, view)}</p>
                  )}
                  <ConfirmButtons
                    id={`${id}-confirm`}
                    busy={busy}
                    label={ACTION_LABELS[action.kind]}
                    onConfirm={confirm}
                    onCancel={cancel}
                  />
                </div>
              ) : (
                <>
                  <button
                    id={`${id}-${action.kind}`}
                    type="button"
                    className={`usa-button validation-actions__button${action.kind === 'RETURN' ? ' usa-button--secondary' : ''}`}
                    aria-disabled={!action.allowed || pending !== null}
                    aria-describedby={action.allowed ? undefined : `${id}-${action.kind}-why`}
                    onClick={() => action.allowed && pending === null && start(action.kind)}
                  >
                    {ACTION_LABELS[action.kind]}
                  </button>
                  {!action.allowed && action.reason && (
                    <p className="validation-actions__why" id={`${id}-${action.kind}-why`} data-testid="action-reason">
                      {action.reason}.
                    </p>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConfirmButtons({
  id,
  busy,
  label,
  onConfirm,
  onCancel,
}: {
  id: string;
  busy: boolean;
  label: string;
  onConfirm: () => void | Promise<void>;
  onCancel: () => void;
}) {
  return (
    <div className="validation-actions__confirm-buttons">
      <button id={id} type="button" className="usa-button" disabled={busy} onClick={() => void onConfirm()}>
        {busy ? 'Saving…' : label}
      </button>
      <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function confirmText(kind: Kind, view: ReviewValidationView): string {
  switch (kind) {
    case 'APPROVE':
      return 'Approving records you and today as the report date; the Member’s response due dates count from it.';
    case 'ISSUE_REPORT':
      return `Issuing records today and the report’s fingerprint${view.contentSha256 ? ` (${shortHash(view.contentSha256)})` : ''}. Action Required findings then wait for the Member’s response.`;
    case 'CLOSE':
      return 'Closing ends the validation; nothing more can be recorded on it.';
    case 'RETURN':
      return '';
  }
}

function doneMessage(kind: Kind, after: ValidationLifecycleView): string {
  switch (kind) {
    case 'RETURN':
      return 'Returned for correction. The SCSS receives it after your next sync.';
    case 'APPROVE':
      return `Approved${after.reportDate ? `; report date ${formatDate(after.reportDate)}` : ''}. It goes to HQ with the next sync.`;
    case 'ISSUE_REPORT':
      return `Report issued${after.reportSha256 ? ` with fingerprint ${shortHash(after.reportSha256)}` : ''}. It goes to HQ with the next sync.`;
    case 'CLOSE':
      return 'Closed. It goes to HQ with the next sync.';
  }
}
