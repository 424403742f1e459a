import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessReport } from '../../../../shared/domain/completeness-types';
import type { WorkflowState } from '../../../../shared/domain/lifecycle';
import { ApiError, call, englishMessage, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { FormField } from '../../components/FormField';
import { formatLocalDate, formatTime } from '../../components/format';
import { useDomainLabels } from '../../i18n/domain-labels';
import { routeHref } from '../../state/route';
import { useWorksheetStore } from '../../state/worksheet-store';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { FindingsSummary } from './review-submit/FindingsSummary';
import { ProblemGroups } from './review-submit/ProblemGroups';
import { groupProblems } from './review-submit/problem-groups';
import { SignAndSubmit } from './review-submit/SignAndSubmit';
import { plainRefusalMessage } from './review-submit/sign-form';
import { useConsideredWarnings } from './review-submit/useConsideredWarnings';
import './review-submit/review-submit.css';

/** The states the submitted summary names in its heading (worksheetParts.review.submittedHeading). */
const SUBMITTED_HEADINGS = ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'AWAITING_RESPONSE', 'CLOSED'] as const;
type HeadedState = (typeof SUBMITTED_HEADINGS)[number];
/** Where the validation went after it was signed; a state without a heading of its own reads as submitted. */
const headedState = (state: WorkflowState | null): HeadedState =>
  SUBMITTED_HEADINGS.find((s) => s === state) ?? 'SUBMITTED';

/** The SCSS may take a submitted validation back only until the field office decides on it. */
const reopenable = (state: WorkflowState | null) => state === null || state === 'SUBMITTED' || state === 'IN_REVIEW';

/**
 * The submitted validation: what was signed, its fingerprint, and taking it back. Right after the SCSS submits here
 * (`takeFocus`), its heading takes the focus, so a screen reader reads that it went and the keyboard goes on from it.
 */
function SubmittedSummary({ takeFocus, onReopened }: { takeFocus: boolean; onReopened: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, as the summary replaces the signature form
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, []);
  const labels = useDomainLabels();
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
      // After the store says reopened, so the notice never renders beside a submitted state (which would reset it).
      onReopened();
      await refreshLifecycle();
    } catch (e) {
      // A refused reason is shown at its field; nothing names the channel or a schema path.
      const atReason = e instanceof ApiError ? e.issues.find((i) => i.path === 'reason') : undefined;
      setError(atReason ? `${atReason.message}.` : plainRefusalMessage(errorMessage(e), englishMessage(e)));
    }
  };
  return (
    <div data-testid="submitted-summary">
      <Alert
        type="success"
        headingRef={heading}
        heading={
          demo
            ? t('worksheetParts.review.submittedDemo')
            : t(`worksheetParts.review.submittedHeading.${headedState(state)}`)
        }
      >
        {/* The enrolled person is named beside the signature only when the typed name differs from it. */}
        {t(
          sameName(v.signedByName, v.submittedBy) ? 'worksheetParts.review.signedSelf' : 'worksheetParts.review.signed',
          {
            name: v.signedByName,
            user: v.submittedBy,
            date: v.submittedAt ? formatLocalDate(v.submittedAt) : '',
            time: v.submittedAt ? formatTime(v.submittedAt) : '',
          },
        )}
        {demo && t('worksheetParts.review.demoNote')}
      </Alert>
      <p>
        {t('worksheetParts.review.fingerprint')}{' '}
        <code className="fingerprint" data-testid="fingerprint">
          {v.contentSha256}
        </code>
      </p>
      {reopenable(state) ? (
        <>
          <h3>{t('worksheetParts.review.reopenHeading')}</h3>
          <p>{t('worksheetParts.review.reopenText')}</p>
          <FormField id="reopen-reason" label={t('worksheetParts.review.reopenReason')} error={error}>
            {(control) => (
              <textarea
                className="usa-textarea"
                rows={2}
                value={reason}
                {...control}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </FormField>
          <button type="button" className="usa-button usa-button--secondary" onClick={() => void reopen()}>
            {t('worksheetParts.review.reopen')}
          </button>
        </>
      ) : (
        state && (
          <p className="review__no-reopen">
            {t('worksheetParts.review.decided', { state: labels.workflowState(state).toLocaleLowerCase() })}
            {(state === 'AWAITING_RESPONSE' || state === 'CLOSED') && (
              <>
                {' '}
                {t('worksheetParts.review.answersAt')}{' '}
                <a
                  className="usa-link"
                  href={routeHref({ name: 'worksheet', validationId: v.id, category: 1, section: 'responses' })}
                >
                  {t('worksheetParts.common.memberResponses')}
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

/**
 * Said right after the SCSS reopened the validation here: its heading takes the focus from the Reopen button, which
 * went with the submitted summary, so a screen reader reads what happened and the keyboard goes on from the top.
 */
function ReopenedNotice() {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Alert type="success" headingRef={heading} heading={t('worksheetParts.review.reopened')}>
      {t('worksheetParts.review.reopenedText')}
    </Alert>
  );
}

/** Where the validation stands and how it got there (the reviewers' panel, shared). */
function StateAndHistory() {
  const lifecycle = useWorksheetStore((s) => s.worksheet?.lifecycle);
  if (!lifecycle || (lifecycle.state === null && lifecycle.history.length === 0)) return null;
  return <LifecyclePanel lifecycle={lifecycle} headingLevel={3} className="review__lifecycle" />;
}

export function ReviewSection() {
  const { t } = useTranslation();
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const returned = useWorksheetStore((s) => (s.worksheet?.lifecycle.returned ?? null) !== null);
  const [report, setReport] = useState<CompletenessReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const validationId = worksheet?.validation.id;
  const submitted = worksheet?.validation.status === 'SUBMITTED';
  const considered = useConsideredWarnings(submitted ? undefined : validationId);
  // Seen here before it was submitted: it was submitted (or submitted again) from this screen just now.
  const seenUnsubmitted = useRef(false);
  if (worksheet && !submitted) seenUnsubmitted.current = true;
  // How many times it was reopened from this screen: each reopening mounts its notice afresh, which takes the focus.
  const [reopenings, setReopenings] = useState(0);
  // Submitted again, the notice is over: a later return from the field office must not bring it (and its focus) back.
  if (submitted && reopenings > 0) setReopenings(0);

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
        <h2 id="review-heading">{t('worksheetParts.common.reviewAndSubmit')}</h2>
        <StateAndHistory />
        <SubmittedSummary takeFocus={seenUnsubmitted.current} onReopened={() => setReopenings((n) => n + 1)} />
      </section>
    );
  }

  // Another person's validation, kept on a handed-over laptop: its state and findings to read, nothing to sign.
  if (worksheet.anotherPersons) {
    return (
      <section aria-labelledby="review-heading">
        <h2 id="review-heading">{t('worksheetParts.common.reviewAndSubmit')}</h2>
        <Alert type="info">{t('worksheet.locked.anotherPersons', { name: worksheet.anotherPersons.name })}</Alert>
        <StateAndHistory />
        <FindingsSummary />
      </section>
    );
  }

  const errorGroups = report ? groupProblems(report.errors) : [];
  const warningGroups = report ? groupProblems(report.warnings, considered.keys) : [];

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t('worksheetParts.common.reviewAndSubmit')}</h2>
      {reopenings > 0 && <ReopenedNotice key={reopenings} />}
      <StateAndHistory />
      <div className="review__actions">
        <button type="button" className="usa-button usa-button--outline" onClick={() => void check()}>
          {t('worksheetParts.review.checkAgain')}
        </button>
      </div>
      {error && <Alert type="error">{t('worksheetParts.review.checkFailed', { error })}</Alert>}
      {report === null ? (
        <p aria-live="polite">{t('worksheetParts.review.checking')}</p>
      ) : (
        <div aria-live="polite">
          {report.errors.length === 0 ? (
            <Alert type="success" heading={t('worksheetParts.review.ready')}>
              {t('worksheetParts.review.readyText')}
            </Alert>
          ) : (
            <>
              <h3 className="review__heading review__heading--error" id="review-problems-heading" tabIndex={-1}>
                {t('worksheetParts.review.problems', { count: report.errors.length })}
              </h3>
              <ProblemGroups groups={errorGroups} validationId={validationId} testId="error-group" />
            </>
          )}
          {report.warnings.length > 0 && (
            <div className="review__warnings">
              <h3>{t('worksheetParts.review.warnings', { count: report.warnings.length })}</h3>
              <p className="review__considered" data-testid="considered-count">
                {t('worksheetParts.review.considered', {
                  considered: warningGroups.reduce((n, g) => n + g.considered, 0),
                  count: warningGroups.reduce((n, g) => n + g.problems.length, 0),
                })}
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

const sameName = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
