import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_RETURN_COMMENT, reviewOpen } from '../../../../shared/domain/lifecycle';
import type { ReviewValidationView, ValidationLifecycleView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { FormField } from '../../components/FormField';
import { formatDate } from '../../components/format';
import { translateMessage } from '../../i18n/messages';
import { useSyncStore } from '../../state/sync-store';
import { shortHash } from './review-format';

type Kind = ValidationLifecycleView['actions'][number]['kind'];
type Action = ValidationLifecycleView['actions'][number];

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

/**
 * Findings "Concur with all remaining" would concur with: no decision this round and not concurred with as
 * they are now (a concurrence with words the SCSS changed since does not count).
 */
export const remainingFindings = (view: ReviewValidationView) =>
  view.findings.filter(
    (f) => !f.review || f.decisionOutdated || (f.review.decision !== 'CONCUR' && !f.decidedThisRound),
  );

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
  const { t } = useTranslation();
  const refreshStatus = useSyncStore((s) => s.refreshStatus);
  const [pending, setPending] = useState<Kind | 'CONCUR_ALL' | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const lifecycle = view.lifecycle;
  const remaining = remainingFindings(view);
  const concurred = view.findings.filter((f) => f.review?.decision === 'CONCUR' && !f.decisionOutdated).length;
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
      setCommentError(t('review.labels.correctTooShort', { min: MIN_RETURN_COMMENT }));
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
          text: t('review.actions.concurredAll', { count: result.reviews.length }),
        });
      } else {
        const after = await call('workflow:transition', {
          validationId: view.validationId,
          kind: pending,
          comment: comment.trim(),
        });
        setFeedback({ type: 'success', text: doneMessage(t, pending, after) });
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
        {lifecycle.state && reviewOpen(lifecycle.state) ? t('review.actions.decide') : t('review.actions.nextStep')}
      </h2>
      <p className="validation-actions__progress" data-testid="concurred-count">
        {view.findings.length === 0
          ? t('review.actions.noFindings')
          : t('review.actions.concurred', { concurred, count: view.findings.length })}
        {view.findings.length > 0 &&
          undecided > 0 &&
          reviewOpen(lifecycle.state ?? 'IN_PROGRESS') &&
          t('review.actions.undecided', { count: undecided })}
        {view.findings.length > 0 &&
          concurred === view.findings.length &&
          reviewOpen(lifecycle.state ?? 'IN_PROGRESS') &&
          t('review.actions.allConcurred')}
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
          data-testid="step-button"
          onClick={() => start('CONCUR_ALL')}
        >
          {t('review.actions.concurAllRemaining', { count: remaining.length })}
        </button>
      )}
      {pending === 'CONCUR_ALL' && (
        <div className="validation-actions__confirm" data-testid="confirm-concur-all">
          <p>{t('review.actions.concurWhich', { criteria: remaining.map((f) => f.criterionId).join(', ') })}</p>
          <label className="usa-label" htmlFor={`${id}-comment`}>
            {t('review.actions.commentEach')}
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
            label={t('review.actions.concurCount', { count: remaining.length })}
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
                    <FormField
                      id={`${id}-comment`}
                      label={
                        <>
                          {t('review.actions.returnLabel')}{' '}
                          <span className="required-note">{t('review.actions.requiredNote')}</span>
                        </>
                      }
                      hint={t('review.actions.returnHint')}
                      error={commentError}
                    >
                      {(control) => (
                        <textarea
                          className="usa-textarea validation-actions__textarea"
                          rows={3}
                          maxLength={5000}
                          value={comment}
                          // What is sent is what was typed when Return was pressed; the answer closes this box.
                          readOnly={busy}
                          {...control}
                          onChange={(e) => {
                            setComment(e.target.value);
                            if (commentError) setCommentError(null);
                          }}
                        />
                      )}
                    </FormField>
                  ) : (
                    <p>{confirmText(t, action.kind, view)}</p>
                  )}
                  <ConfirmButtons
                    id={`${id}-confirm`}
                    busy={busy}
                    label={t(`review.actions.kind.${action.kind}`)}
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
                    data-testid="step-button"
                    onClick={() => action.allowed && pending === null && start(action.kind)}
                  >
                    {t(`review.actions.kind.${action.kind}`)}
                  </button>
                  {!action.allowed && action.reason && (
                    <p className="validation-actions__why" id={`${id}-${action.kind}-why`} data-testid="action-reason">
                      {translateMessage({ message: action.reason, ...action.reasonMessage })}.
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
  const { t } = useTranslation();
  return (
    <div className="validation-actions__confirm-buttons">
      <button id={id} type="button" className="usa-button" disabled={busy} onClick={() => void onConfirm()}>
        {busy ? t('review.labels.saving') : label}
      </button>
      <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
        {t('review.labels.cancel')}
      </button>
    </div>
  );
}

function confirmText(t: TFunction, kind: Kind, view: ReviewValidationView): string {
  switch (kind) {
    case 'APPROVE':
      return t('review.actions.confirm.APPROVE');
    case 'ISSUE_REPORT':
      return view.contentSha256
        ? t('review.actions.confirm.issueWithHash', { hash: shortHash(view.contentSha256) })
        : t('review.actions.confirm.issue');
    case 'CLOSE':
      return t('review.actions.confirm.CLOSE');
    case 'RETURN':
      return '';
  }
}

function doneMessage(t: TFunction, kind: Kind, after: ValidationLifecycleView): string {
  switch (kind) {
    case 'RETURN':
      return t('review.actions.done.RETURN');
    case 'APPROVE':
      return after.reportDate
        ? t('review.actions.done.approvedOn', { date: formatDate(after.reportDate) })
        : t('review.actions.done.approved');
    case 'ISSUE_REPORT':
      return after.reportSha256
        ? t('review.actions.done.issuedWithHash', { hash: shortHash(after.reportSha256) })
        : t('review.actions.done.issued');
    case 'CLOSE':
      return t('review.actions.done.CLOSE');
  }
}
