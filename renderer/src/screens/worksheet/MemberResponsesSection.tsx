import { differenceInCalendarDays, parseISO } from 'date-fns';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/field-work';
import {
  type MemberResponse,
  RESPONSE_ASSESSMENT_LABELS,
  responseRequired,
  WORKFLOW_STATE_LABELS,
  type WorkflowState,
} from '../../../../shared/domain/lifecycle';
import type { MemberResponsesView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { useSyncStore } from '../../state/sync-store';
import { useWorksheetStore } from '../../state/worksheet-store';
import { formatMoment, localToday, personLabel, shortSha } from './lifecycle-labels';
import { MemberFileName } from './MemberFiles';
import { AssessResponseForm, type AssessResult, RecordResponseForm } from './ResponseForms';

type Entry = MemberResponsesView['findings'][number];
type Editing = { findingId: string; responseId: string | null } | null;

/** Where one finding stands, in the words the list and the tag use. A Recommendation is never overdue. */
function findingStatus(entry: Entry, validationOverdue: boolean): { label: string; tone: string } {
  if (entry.resolved) return { label: 'Resolved', tone: 'resolved' };
  const required = responseRequired(entry.finding.classification);
  const overdue = validationOverdue && required;
  const latest = entry.responses.at(-1);
  if (!latest) {
    if (!required) return { label: 'No response (optional)', tone: 'open' };
    return overdue ? { label: 'No response: overdue', tone: 'overdue' } : { label: 'No response yet', tone: 'open' };
  }
  if (latest.assessment === null) return { label: 'Received, awaiting your assessment', tone: 'awaiting' };
  return {
    label: latest.assessment === 'NOT_ACCEPTED' ? 'Not accepted: more needed' : 'More information requested',
    tone: overdue ? 'overdue' : 'open',
  };
}

/** Why nothing can be recorded here now, when that is so. */
function readOnlyReason(state: WorkflowState | null): string {
  if (state === 'CLOSED') return 'The validation is closed: its Member responses are shown for reference.';
  if (state === 'APPROVED') {
    return 'The validation is approved. Member responses are recorded once the supervisor issues the report.';
  }
  if (state === 'AWAITING_RESPONSE') {
    return 'Only the SCSS who performed the validation records and assesses Member responses, on their own computer.';
  }
  return 'Member responses are recorded once the field office approves the validation and issues the report.';
}

/**
 * The Member's answers once the report is out: the due date, each Action Required finding with its responses
 * and the SCSS's assessments, a form to record a response (with the Member's files) and one to assess each
 * response not yet assessed; then the Recommendations, answered and assessed the same way but optional.
 * Accepting the last open Action Required finding closes the validation, and this says so.
 */
export function MemberResponsesSection() {
  const validationId = useWorksheetStore((s) => s.worksheet?.validation.id ?? '');
  const lifecycleState = useWorksheetStore((s) => s.worksheet?.lifecycle.state ?? null);
  const demo = useWorksheetStore((s) => s.worksheet?.lifecycle.demo ?? false);
  const criteria = useWorksheetStore((s) => s.worksheet?.criteria);
  const maxBytes = useWorksheetStore(
    (s) => s.worksheet?.settings?.maxEvidenceBytes ?? DEFAULT_SETTINGS.maxEvidenceBytes,
  );
  const setLifecycle = useWorksheetStore((s) => s.setLifecycle);
  const [view, setView] = useState<MemberResponsesView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [announcement, setAnnouncement] = useState('');
  const [closedNow, setClosedNow] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const closedAlert = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    if (!validationId) return;
    try {
      const next = await call('replies:list', { validationId });
      // In criterion order, as the worksheet shows them.
      next.findings.sort((a, b) => a.finding.criterionId.localeCompare(b.finding.criterionId, 'en', { numeric: true }));
      setView(next);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [validationId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new workflow state (a sync, a closure) lists again
  useEffect(() => {
    void load();
  }, [load, lifecycleState]);

  // After a save, focus lands on what changed (the form it came from is gone).
  useEffect(() => {
    if (!focusTarget || !view) return;
    const target = document.getElementById(focusTarget);
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget, view]);
  useEffect(() => {
    if (closedNow) closedAlert.current?.focus();
  }, [closedNow]);

  if (loadError) {
    return (
      <section aria-labelledby="responses-heading">
        <h2 id="responses-heading">Member responses</h2>
        <Alert type="error" heading="The Member responses could not be loaded">
          {loadError}
        </Alert>
      </section>
    );
  }
  if (!view) {
    return (
      <section aria-labelledby="responses-heading">
        <h2 id="responses-heading">Member responses</h2>
        <p aria-live="polite">Loading the Member responses…</p>
      </section>
    );
  }

  const today = localToday();
  const daysLeft = view.dueDate ? differenceInCalendarDays(parseISO(view.dueDate), parseISO(today)) : null;
  const required = view.findings.filter((f) => responseRequired(f.finding.classification));
  const recommendations = view.findings.filter((f) => !responseRequired(f.finding.classification));
  const resolvedCount = required.filter((f) => f.resolved).length;
  const criterionSummary = (criterionId: string) => criteria?.find((c) => c.id === criterionId)?.summary ?? null;

  const onSaved = (criterionId: string, response: MemberResponse, corrected: boolean) => {
    setEditing(null);
    setAnnouncement(`${corrected ? 'Correction to the response' : 'Response'} to ${criterionId} saved.`);
    setFocusTarget(`response-${response.id}`);
    void load();
    void useSyncStore.getState().refresh();
  };
  const onAssessed = (criterionId: string, result: AssessResult) => {
    setLifecycle(result.lifecycle);
    if (result.closed) {
      setClosedNow(true);
      setAnnouncement('');
    } else {
      setAnnouncement(
        `Response to ${criterionId} assessed: ${RESPONSE_ASSESSMENT_LABELS[result.response.assessment ?? 'ACCEPTED']}.`,
      );
      setFocusTarget(`response-${result.response.id}`);
    }
    void load();
    void useSyncStore.getState().refresh();
  };

  // One finding's card, in either group.
  const card = (entry: Entry) => (
    <FindingResponses
      key={entry.finding.id}
      entry={entry}
      validationId={validationId}
      summary={criterionSummary(entry.finding.criterionId)}
      status={findingStatus(entry, view.overdue)}
      canRecord={view.canRecord}
      maxBytes={maxBytes}
      editing={editing}
      setEditing={setEditing}
      onSaved={onSaved}
      onAssessed={onAssessed}
    />
  );

  return (
    <section aria-labelledby="responses-heading" className="member-responses" data-testid="member-responses">
      <h2 id="responses-heading">Member responses</h2>
      {closedNow && (
        <div
          className="usa-alert usa-alert--success usa-alert--slim member-responses__closed"
          role="status"
          tabIndex={-1}
          ref={closedAlert}
          data-testid="closed-alert"
        >
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">Validation closed</h3>
            <p className="usa-alert__text">
              That was the last open Action Required finding: every one is now resolved, so the validation is closed.
              {demo ? ' It stays on this computer (demo validation).' : ' HQ is told at the next sync.'}
            </p>
          </div>
        </div>
      )}
      <p className="usa-sr-only" role="status">
        {announcement}
      </p>
      <dl className="member-responses__facts" data-testid="responses-facts">
        <div>
          <dt>Where it stands</dt>
          <dd data-testid="responses-state">{view.state ? WORKFLOW_STATE_LABELS[view.state] : 'Not submitted yet'}</dd>
        </div>
        <div>
          <dt>Report date</dt>
          <dd>{view.reportDate ? formatDate(view.reportDate) : 'Not yet approved'}</dd>
        </div>
        <div>
          <dt>Member response due</dt>
          <dd data-testid="responses-due">
            {view.dueDate ? formatDate(view.dueDate) : '—'}
            {view.overdue ? (
              <span className="usa-tag overdue-tag">Response overdue</span>
            ) : (
              daysLeft !== null &&
              view.state === 'AWAITING_RESPONSE' && (
                <span className="member-responses__days">
                  {' '}
                  ({daysLeft === 0 ? 'due today' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`})
                </span>
              )
            )}
          </dd>
        </div>
        <div>
          <dt>Action Required findings resolved</dt>
          <dd data-testid="responses-resolved">
            {resolvedCount} of {required.length}
          </dd>
        </div>
      </dl>
      {view.state === 'CLOSED' && !closedNow && (
        <Alert type="success" heading="Closed">
          Every Action Required finding is resolved: the Member’s corrective actions were accepted.
        </Alert>
      )}
      {!view.canRecord && view.state !== 'CLOSED' && <Alert type="info">{readOnlyReason(view.state)}</Alert>}
      {view.canRecord && (
        <p className="member-responses__intro">
          A finding is resolved when you accept the Member’s latest response to it; the validation closes when every
          Action Required finding is resolved. The Member may answer Recommendations too: record and assess those the
          same way; they do not block closure.
        </p>
      )}

      {view.findings.length === 0 && <p>This validation has no findings for the Member to answer.</p>}
      {required.length > 0 && (
        <section aria-labelledby="responses-required" data-testid="responses-required">
          <h3 id="responses-required" className="member-responses__group-heading">
            Action Required findings
          </h3>
          {required.map(card)}
        </section>
      )}
      {recommendations.length > 0 && (
        <section aria-labelledby="responses-recommendations" data-testid="responses-recommendations">
          <h3 id="responses-recommendations" className="member-responses__group-heading">
            Recommendations
          </h3>
          <p className="member-responses__intro">
            Optional: does not block closure. Record and assess what the Member sends the same way.
          </p>
          {recommendations.map(card)}
        </section>
      )}
    </section>
  );
}

function FindingResponses({
  entry,
  validationId,
  summary,
  status,
  canRecord,
  maxBytes,
  editing,
  setEditing,
  onSaved,
  onAssessed,
}: {
  entry: Entry;
  validationId: string;
  summary: string | null;
  status: { label: string; tone: string };
  canRecord: boolean;
  maxBytes: number;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  onSaved: (criterionId: string, response: MemberResponse, corrected: boolean) => void;
  onAssessed: (criterionId: string, result: AssessResult) => void;
}) {
  const { finding, responses, files, resolved } = entry;
  const headingId = `response-finding-${finding.id}`;
  const fileBySha = new Map(files.map((f) => [f.sha256, f]));
  const listedShas = new Set(responses.flatMap((r) => r.evidenceSha256));
  // Files stored for this finding but listed in no response yet (a form left before saving).
  const unlisted = files.filter((f) => !listedShas.has(f.sha256));
  const recommendation = finding.classification === 'RECOMMENDATION';
  const editingHere = editing?.findingId === finding.id;
  const recordButton = useRef<HTMLButtonElement>(null);

  const cancel = () => {
    setEditing(null);
    requestAnimationFrame(() => recordButton.current?.focus());
  };

  return (
    <article
      className={`response-finding response-finding--${status.tone}`}
      aria-labelledby={headingId}
      data-testid="response-finding"
      data-criterion={finding.criterionId}
    >
      <header className="response-finding__header">
        <h4 id={headingId} className="response-finding__title">
          Finding on {finding.criterionId}
          <span className="usa-sr-only">, {recommendation ? 'Recommendation' : 'Action required'}</span>
        </h4>
        <span className={`usa-tag classification-tag classification-tag--${recommendation ? 'rec' : 'ar'}`}>
          {recommendation ? 'Recommendation' : 'Action required'}
        </span>
        {recommendation && <span className="usa-tag noblock-tag">Optional: does not block closure</span>}
        <span
          className={`usa-tag response-status-tag response-status-tag--${status.tone}`}
          data-testid="finding-status"
        >
          {status.label}
        </span>
      </header>
      {summary && <p className="response-finding__criterion">{summary}</p>}
      <p className="response-finding__description">{finding.description || 'No description recorded.'}</p>

      {responses.length === 0 ? (
        <p className="response-finding__none">No response from the Member recorded yet.</p>
      ) : (
        <ol className="usa-list usa-list--unstyled response-list" aria-label={`Responses to ${finding.criterionId}`}>
          {responses.map((response, index) => {
            const listedFiles = response.evidenceSha256.map((sha) => ({ sha, file: fileBySha.get(sha) }));
            const correcting = editingHere && editing?.responseId === response.id;
            return (
              <li key={response.id} className="member-response" data-testid="member-response">
                <h5 className="member-response__title" id={`response-${response.id}`} tabIndex={-1}>
                  Response {index + 1}, received {formatDate(response.receivedOn)}
                </h5>
                {correcting ? (
                  <RecordResponseForm
                    validationId={validationId}
                    findingId={finding.id}
                    criterionId={finding.criterionId}
                    maxBytes={maxBytes}
                    existing={response}
                    initialFiles={listedFiles.flatMap((f) => (f.file ? [f.file] : []))}
                    onSaved={(saved) => onSaved(finding.criterionId, saved, true)}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <>
                    <p className="member-response__label">Corrective action</p>
                    <p className="member-response__action">{response.correctiveAction}</p>
                    {listedFiles.length > 0 && (
                      <>
                        <p className="member-response__label">Files the Member sent</p>
                        <ul className="usa-list usa-list--unstyled member-files__list">
                          {listedFiles.map(({ sha, file }) => (
                            <li key={sha} className="member-file" data-testid="member-file">
                              {file ? (
                                <MemberFileName file={file} />
                              ) : (
                                <>
                                  A file not stored on this computer · SHA-256{' '}
                                  <code className="member-file__sha" title={sha}>
                                    {shortSha(sha)}
                                  </code>
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {response.assessment ? (
                      <div
                        className={`member-response__assessment member-response__assessment--${response.assessment.toLowerCase()}`}
                        data-testid="assessment"
                      >
                        <p className="member-response__assessment-line">
                          <span
                            className={`usa-tag assessment-tag assessment-tag--${response.assessment.toLowerCase()}`}
                          >
                            {RESPONSE_ASSESSMENT_LABELS[response.assessment]}
                          </span>{' '}
                          {response.assessedBy && personLabel(response.assessedBy)}
                          {response.assessedAt && `, ${formatMoment(response.assessedAt)}`}
                        </p>
                        {response.assessmentNote && (
                          <p className="member-response__note">
                            {response.assessment === 'ACCEPTED' ? 'Note: ' : 'Still needed: '}
                            {response.assessmentNote}
                          </p>
                        )}
                      </div>
                    ) : canRecord ? (
                      <>
                        <button
                          type="button"
                          className="usa-button usa-button--unstyled member-response__correct"
                          onClick={() => setEditing({ findingId: finding.id, responseId: response.id })}
                        >
                          Correct this response<span className="usa-sr-only"> before assessing it</span>
                        </button>
                        <AssessResponseForm
                          validationId={validationId}
                          response={response}
                          criterionId={finding.criterionId}
                          onAssessed={(result) => onAssessed(finding.criterionId, result)}
                        />
                      </>
                    ) : (
                      <p className="member-response__pending">Not assessed yet.</p>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {canRecord &&
        !resolved &&
        (editingHere && editing?.responseId === null ? (
          <RecordResponseForm
            validationId={validationId}
            findingId={finding.id}
            criterionId={finding.criterionId}
            maxBytes={maxBytes}
            initialFiles={unlisted}
            onSaved={(saved) => onSaved(finding.criterionId, saved, false)}
            onCancel={cancel}
          />
        ) : (
          <button
            ref={recordButton}
            type="button"
            className="usa-button usa-button--outline response-finding__record"
            onClick={() => setEditing({ findingId: finding.id, responseId: null })}
          >
            Record a Member response to {finding.criterionId}
          </button>
        ))}
    </article>
  );
}
