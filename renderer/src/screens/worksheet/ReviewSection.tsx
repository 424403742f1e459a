import { useCallback, useEffect, useState } from 'react';
import type { CompletenessProblem, CompletenessReport } from '../../../../shared/domain/completeness-types';
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '../../../../shared/domain/lifecycle';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatLocalDate, formatTime } from '../../components/format';
import { routeHref } from '../../state/route';
import { useWorksheetStore } from '../../state/worksheet-store';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';

const WARNING_GROUP_TITLES: Partial<Record<CompletenessProblem['code'], string>> = {
  NO_VERIFICATION_METHOD: 'Verification method not recorded',
  VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE: 'Compliant without evidence (virtual validation)',
  CHECKLIST_INCOMPLETE: 'Inspection checklists missing or unfinished',
  VIRTUAL_SESSION_MISSING: 'Virtual session log',
  NO_SITES: 'Sites',
};

/** Warnings of one kind are listed together so 90 of the same one do not bury a different one. */
function groupByCode(problems: CompletenessProblem[]) {
  const groups = new Map<CompletenessProblem['code'], CompletenessProblem[]>();
  for (const p of problems) groups.set(p.code, [...(groups.get(p.code) ?? []), p]);
  return [...groups].map(([code, list]) => ({ code, problems: list }));
}

function ProblemList({ problems, validationId }: { problems: CompletenessProblem[]; validationId: string }) {
  return (
    <ul className="usa-list problem-list">
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.criterionId ?? i}`} data-testid="problem">
          {p.criterionId && p.category ? (
            <a
              className="usa-link"
              href={routeHref({ name: 'worksheet', validationId, category: p.category, focus: p.criterionId })}
            >
              {p.message}
            </a>
          ) : (
            p.message
          )}
        </li>
      ))}
    </ul>
  );
}

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
      setError(errorMessage(e));
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
          {error && <Alert type="error">{error}</Alert>}
          <label className="usa-label" htmlFor="reopen-reason">
            Reason for reopening
          </label>
          <textarea
            className="usa-textarea"
            id="reopen-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
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
  const setValidation = useWorksheetStore((s) => s.setValidation);
  const refreshLifecycle = useWorksheetStore((s) => s.refreshLifecycle);
  const returned = useWorksheetStore((s) => (s.worksheet?.lifecycle.returned ?? null) !== null);
  const [report, setReport] = useState<CompletenessReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signedByName, setSignedByName] = useState('');
  const [attested, setAttested] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const validationId = worksheet?.validation.id;
  const submitted = worksheet?.validation.status === 'SUBMITTED';

  const check = useCallback(async () => {
    if (!validationId) return;
    try {
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

  const submit = async () => {
    setError(null);
    setSubmitting(true);
    try {
      setValidation(await call('validations:submit', { validationId, signedByName, attestation: attested as true }));
      await refreshLifecycle();
    } catch (e) {
      setError(errorMessage(e));
      await check();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Review and submit</h2>
      <StateAndHistory />
      <div className="review__actions">
        <button type="button" className="usa-button usa-button--outline" onClick={() => void check()}>
          Check again
        </button>
      </div>
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
              <h3 className="review__heading review__heading--error">
                {report.errors.length} problem{report.errors.length > 1 ? 's' : ''} to fix before submitting
              </h3>
              <ProblemList problems={report.errors} validationId={validationId} />
            </>
          )}
          {report.warnings.length > 0 && (
            <div className="review__warnings">
              <h3>
                {report.warnings.length} warning{report.warnings.length > 1 ? 's' : ''} (you can still submit)
              </h3>
              {groupByCode(report.warnings).map((group) => (
                <details key={group.code} className="review__warning-group">
                  <summary>
                    {WARNING_GROUP_TITLES[group.code] ?? group.code} ({group.problems.length})
                  </summary>
                  <ProblemList problems={group.problems} validationId={validationId} />
                </details>
              ))}
            </div>
          )}
        </div>
      )}
      <h3>{returned ? 'Sign and submit again' : 'Sign and submit'}</h3>
      {returned && (
        <p>
          Submitting again sends the corrected validation back to the field office for review; the returned findings
          stop being highlighted.
        </p>
      )}
      {error && (
        <Alert type="error" heading="Not submitted">
          {error}
        </Alert>
      )}
      <label className="usa-label" htmlFor="signed-by-name">
        Your full name (signature)
      </label>
      <input
        className="usa-input"
        id="signed-by-name"
        value={signedByName}
        onChange={(e) => setSignedByName(e.target.value)}
      />
      <div className="usa-checkbox review__attest">
        <input
          className="usa-checkbox__input"
          id="attest"
          type="checkbox"
          checked={attested}
          onChange={(e) => setAttested(e.target.checked)}
        />
        <label className="usa-checkbox__label" htmlFor="attest">
          I verified the criteria as recorded in this worksheet.
        </label>
      </div>
      <button type="button" className="usa-button" disabled={submitting} onClick={() => void submit()}>
        {submitting ? 'Submitting…' : 'Submit validation for review'}
      </button>
    </section>
  );
}
