import { useCallback, useEffect, useState } from 'react';
import type { CompletenessReport } from '../../../../shared/domain/completeness-types';
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '../../../../shared/domain/lifecycle';
import { ApiError, call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatLocalDate, formatTime } from '../../components/format';
import { routeHref } from '../../state/route';
import { useWorksheetStore } from '../../state/worksheet-store';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { FindingsSummary } from './review-submit/FindingsSummary';
import { ProblemGroups } from './review-submit/ProblemGroups';
import { consideredSummary, groupProblems } from './review-submit/problem-groups';
import { SignAndSubmit } from './review-submit/SignAndSubmit';
import { plainRefusalMessage } from './review-submit/sign-form';
import { useConsideredWarnings } from './review-submit/useConsideredWarnings';
import './review-submit/review-submit.css';

/** The heading of the submitted summary: where the validation went after it was signed. */
const SUBMITTED_HEADINGS: Partial<Record<WorkflowState, string>> = {
  SUBMITTED: 'Submitted for review',
  IN_REVIEW: 'In review at the field office',
  APPROVED: 'Approved',
  AWAITING_RESPONSE: 'Report issued: awaiting the Member’s response',
  CLOSED: 'Closed',
};

/** The SCSS may take a submitted validation back only until the field office decides on it. */
const reopenable = (state: WorkflowState | null) => state === null || state === 'SUBMITTED' || state === 'IN_REVIEW';

function SubmittedSummary() {
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const setValidation = useWorksheetStore((s) => s.setValidation);
  const refreshLifecycle = useWorksheetStore((s) => s.refreshLifecycle);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!worksheet) return null;
  const v = worksheet.validation;
  const { state, demo } = worksheet.lifecycle;
  const reopen = async () => {
    setError(null);
    try {
      setValidation(await call('validations:reopen', { validationId: v.id, reason }));
      await refreshLifecycle();
    } catch (e) {
      // A refused reason is shown at its field; nothing names the channel or a schema path.
      const atReason = e instanceof ApiError ? e.issues.find((i) => i.path === 'reason') : undefined;
      setError(atReason ? `${atReason.message}.` : plainRefusalMessage(errorMessage(e)));
    }
  };
  return (
    <div data-testid="submitted-summary">
      <Alert
        type="success"
        heading={
          demo ? 'Submitted (demo validation)' : ((state && SUBMITTED_HEADINGS[state]) ?? 'Submitted for review')
        }
      >
        Signed by {v.signedByName} ({v.submittedBy}) on {v.submittedAt ? formatLocalDate(v.submittedAt) : ''} at{' '}
        {v.submittedAt ? formatTime(v.submittedAt) : ''}. The worksheet is locked.
        {demo && ' Demo validation: it stays on this computer and is never sent to HQ.'}
      </Alert>
      <p>
        Content fingerprint (SHA-256):{' '}
        <code className="fingerprint" data-testid="fingerprint">
          {v.contentSha256}
        </code>
      </p>
      {reopenable(state) ? (
        <>
          <h3>Reopen for changes</h3>
          <p>Reopening unlocks the worksheet and clears the signature. The reason is kept in the audit log.</p>
          <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
            <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor="reopen-reason">
              Reason for reopening
            </label>
            {error && (
              <span className="usa-error-message" id="reopen-reason-error" role="alert">
                {error}
              </span>
            )}
            <textarea
              className={`usa-textarea${error ? ' usa-input--error' : ''}`}
              id="reopen-reason"
              rows={2}
              value={reason}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'reopen-reason-error' : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="button" className="usa-button usa-button--secondary" onClick={() => void reopen()}>
            Reopen validation
          </button>
        </>
      ) : (
        state && (
          <p className="review__no-reopen">
            The field office has decided on this validation ({WORKFLOW_STATE_LABELS[state].toLowerCase()}), so it can no
            longer be reopened here.
            {(state === 'AWAITING_RESPONSE' || state === 'CLOSED') && (
              <>
                {' '}
                The Member’s answers are under{' '}
                <a
                  className="usa-link"
                  href={routeHref({ name: 'worksheet', validationId: v.id, category: 1, section: 'responses' })}
                >
                  Member responses
                </a>
                .
              </>
            )}
          </p>
        )
      )}
    </div>
  );
}

/** Where the validation stands and how it got there (the reviewers' panel, shared). */
function StateAndHistory() {
  const lifecycle = useWorksheetStore((s) => s.worksheet?.lifecycle);
  if (!lifecycle || (lifecycle.state === null && lifecycle.history.length === 0)) return null;
  return <LifecyclePanel lifecycle={lifecycle} headingLevel={3} className="review__lifecycle" />;
}

export function ReviewSection() {
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const returned = useWorksheetStore((s) => (s.worksheet?.lifecycle.returned ?? null) !== null);
  const [report, setReport] = useState<CompletenessReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const validationId = worksheet?.validation.id;
  const submitted = worksheet?.validation.status === 'SUBMITTED';
  const considered = useConsideredWarnings(submitted ? undefined : validationId);

  const check = useCallback(async () => {
    if (!validationId) return;
    try {
      setError(null);
      setReport(await call('validations:check', { validationId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [validationId]);
  useEffect(() => {
    void check();
  }, [check]);

  if (!worksheet || !validationId) return null;
  if (submitted) {
    return (
      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Review and submit</h2>
        <StateAndHistory />
        <SubmittedSummary />
      </section>
    );
  }

  const errorGroups = report ? groupProblems(report.errors) : [];
  const warningGroups = report ? groupProblems(report.warnings, considered.keys) : [];

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Review and submit</h2>
      <StateAndHistory />
      <div className="review__actions">
        <button type="button" className="usa-button usa-button--outline" onClick={() => void check()}>
          Check again
        </button>
      </div>
      {error && <Alert type="error">The worksheet could not be checked: {error}</Alert>}
      {report === null ? (
        <p aria-live="polite">Checking the worksheet…</p>
      ) : (
        <div aria-live="polite">
          {report.errors.length === 0 ? (
            <Alert type="success" heading="Ready to submit">
              Every applicable criterion is answered and every finding is complete.
            </Alert>
          ) : (
            <>
              <h3 className="review__heading review__heading--error" id="review-problems-heading" tabIndex={-1}>
                {report.errors.length} problem{report.errors.length > 1 ? 's' : ''} to fix before submitting
              </h3>
              <ProblemGroups groups={errorGroups} validationId={validationId} testId="error-group" />
            </>
          )}
          {report.warnings.length > 0 && (
            <div className="review__warnings">
              <h3>
                {report.warnings.length} warning{report.warnings.length > 1 ? 's' : ''} (you can still submit)
              </h3>
              <p className="review__considered" data-testid="considered-count">
                {consideredSummary(warningGroups)}. Mark each warning you have looked at as considered; the marks are
                kept on this computer.
              </p>
              {considered.error && <Alert type="error">{considered.error}</Alert>}
              <ProblemGroups
                groups={warningGroups}
                validationId={validationId}
                considered={considered}
                testId="warning-group"
              />
            </div>
          )}
        </div>
      )}
      <FindingsSummary />
      <SignAndSubmit
        validationId={validationId}
        returned={returned}
        problemsToFix={report?.errors.length ?? 0}
        onRefused={check}
      />
    </section>
  );
}
