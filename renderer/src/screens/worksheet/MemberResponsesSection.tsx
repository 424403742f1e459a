import { differenceInCalendarDays, parseISO } from 'date-fns';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/field-work';
import { type MemberResponse, responseRequired, type WorkflowState } from '../../../../shared/domain/lifecycle';
import type { MemberResponsesView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate, formatDateTime } from '../../components/format';
import { NoValue } from '../../components/NoValue';
import { useDomainLabels } from '../../i18n/domain-labels';
import { useSyncStore } from '../../state/sync-store';
import { useWorksheetStore } from '../../state/worksheet-store';
import { localToday, shortSha } from './lifecycle-labels';
import { MemberFileName } from './MemberFiles';
import { AssessResponseForm, type AssessResult, RecordResponseForm } from './ResponseForms';
import { usePersonLabel } from './ReturnedBanner';
import { useLocalizedCatalog } from './useLocalizedCatalog';

type Entry = MemberResponsesView['findings'][number];
type Editing = { findingId: string; responseId: string | null } | null;
/** Where one finding stands: a key of worksheetParts.responses.status, and the tone of its tag. */
type FindingStatus = {
  label: 'resolved' | 'optionalNone' | 'overdueNone' | 'none' | 'awaiting' | 'notAccepted' | 'moreInfo';
  tone: string;
};

/** Where one finding stands, in the words the list and the tag use. A Recommendation is never overdue. */
function findingStatus(entry: Entry, validationOverdue: boolean): FindingStatus {
  if (entry.resolved) return { label: 'resolved', tone: 'resolved' };
  const required = responseRequired(entry.finding.classification);
  const overdue = validationOverdue && required;
  const latest = entry.responses.at(-1);
  if (!latest) {
    if (!required) return { label: 'optionalNone', tone: 'open' };
    return overdue ? { label: 'overdueNone', tone: 'overdue' } : { label: 'none', tone: 'open' };
  }
  if (latest.assessment === null) return { label: 'awaiting', tone: 'awaiting' };
  return {
    label: latest.assessment === 'NOT_ACCEPTED' ? 'notAccepted' : 'moreInfo',
    tone: overdue ? 'overdue' : 'open',
  };
}

/** Why nothing can be recorded here now, when that is so: a key of worksheetParts.responses.readOnly. */
function readOnlyReason(state: WorkflowState | null): 'closed' | 'approved' | 'awaiting' | 'notYet' {
  if (state === 'CLOSED') return 'closed';
  if (state === 'APPROVED') return 'approved';
  if (state === 'AWAITING_RESPONSE') return 'awaiting';
  return 'notYet';
}

/**
 * The Member's answers once the report is out: the due date, each Action Required finding with its responses
 * and the SCSS's assessments, a form to record a response (with the Member's files) and one to assess each
 * response not yet assessed; then the Recommendations, answered and assessed the same way but optional.
 * Accepting the last open Action Required finding closes the validation, and this says so.
 */
export function MemberResponsesSection() {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const validationId = useWorksheetStore((s) => s.worksheet?.validation.id ?? '');
  const lifecycleState = useWorksheetStore((s) => s.worksheet?.lifecycle.state ?? null);
  const demo = useWorksheetStore((s) => s.worksheet?.lifecycle.demo ?? false);
  // The criterion summaries in the interface's language (the edition's overlay), as the worksheet shows them.
  const criteria = useLocalizedCatalog(useWorksheetStore((s) => s.worksheet))?.criteria;
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
        <h2 id="responses-heading">{t('worksheetParts.common.memberResponses')}</h2>
        <Alert type="error" heading={t('worksheetParts.common.loadFailed')}>
          {loadError}
        </Alert>
      </section>
    );
  }
  if (!view) {
    return (
      <section aria-labelledby="responses-heading">
        <h2 id="responses-heading">{t('worksheetParts.common.memberResponses')}</h2>
        <p aria-live="polite">{t('worksheetParts.responses.loading')}</p>
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
    setAnnouncement(
      t(corrected ? 'worksheetParts.responses.correctionSaved' : 'worksheetParts.responses.saved', {
        criterion: criterionId,
      }),
    );
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
        t('worksheetParts.responses.assessed', {
          criterion: criterionId,
          assessment: t(`worksheetParts.common.assessment.${result.response.assessment ?? 'ACCEPTED'}`),
        }),
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
      receivedFrom={view.reportIssuedOn}
      maxBytes={maxBytes}
      editing={editing}
      setEditing={setEditing}
      onSaved={onSaved}
      onAssessed={onAssessed}
    />
  );

  return (
    <section aria-labelledby="responses-heading" className="member-responses" data-testid="member-responses">
      <h2 id="responses-heading">{t('worksheetParts.common.memberResponses')}</h2>
      {closedNow && (
        <div
          className="usa-alert usa-alert--success usa-alert--slim member-responses__closed"
          role="status"
          tabIndex={-1}
          ref={closedAlert}
          data-testid="closed-alert"
        >
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{t('worksheetParts.responses.closedHeading')}</h3>
            <p className="usa-alert__text">
              {t('worksheetParts.responses.closedText')}
              {demo ? t('worksheetParts.responses.closedDemo') : t('worksheetParts.responses.closedHq')}
            </p>
          </div>
        </div>
      )}
      <p className="usa-sr-only" role="status">
        {announcement}
      </p>
      <dl className="member-responses__facts" data-testid="responses-facts">
        <div>
          <dt>{t('worksheetParts.responses.whereItStands')}</dt>
          <dd data-testid="responses-state">
            {view.state ? labels.workflowState(view.state) : t('worksheetParts.responses.notSubmitted')}
          </dd>
        </div>
        <div>
          <dt>{t('worksheetParts.responses.reportDate')}</dt>
          <dd>{view.reportDate ? formatDate(view.reportDate) : t('worksheetParts.responses.notApproved')}</dd>
        </div>
        <div>
          <dt>{t('worksheetParts.responses.due')}</dt>
          <dd data-testid="responses-due">
            {view.dueDate ? formatDate(view.dueDate) : <NoValue />}
            {view.overdue ? (
              <span className="usa-tag overdue-tag">{t('worksheetParts.responses.overdue')}</span>
            ) : (
              daysLeft !== null &&
              view.state === 'AWAITING_RESPONSE' && (
                <span className="member-responses__days">
                  {' '}
                  (
                  {daysLeft === 0
                    ? t('worksheetParts.responses.dueToday')
                    : t('worksheetParts.common.daysLeft', { count: daysLeft })}
                  )
                </span>
              )
            )}
          </dd>
        </div>
        <div>
          <dt>{t('worksheetParts.responses.resolvedLabel')}</dt>
          <dd data-testid="responses-resolved">
            {t('worksheetParts.responses.resolvedCount', { resolved: resolvedCount, total: required.length })}
          </dd>
        </div>
      </dl>
      {view.state === 'CLOSED' && !closedNow && (
        <Alert type="success" heading={t('worksheetParts.responses.closed')}>
          {t('worksheetParts.responses.closedAll')}
        </Alert>
      )}
      {!view.canRecord && view.state !== 'CLOSED' && (
        <Alert type="info">{t(`worksheetParts.responses.readOnly.${readOnlyReason(view.state)}`)}</Alert>
      )}
      {view.canRecord && <p className="member-responses__intro">{t('worksheetParts.responses.intro')}</p>}

      {view.findings.length === 0 && <p>{t('worksheetParts.responses.noFindings')}</p>}
      {required.length > 0 && (
        <section aria-labelledby="responses-required" data-testid="responses-required">
          <h3 id="responses-required" className="member-responses__group-heading">
            {t('worksheetParts.responses.requiredHeading')}
          </h3>
          {required.map(card)}
        </section>
      )}
      {recommendations.length > 0 && (
        <section aria-labelledby="responses-recommendations" data-testid="responses-recommendations">
          <h3 id="responses-recommendations" className="member-responses__group-heading">
            {t('worksheetParts.responses.recommendationsHeading')}
          </h3>
          <p className="member-responses__intro">{t('worksheetParts.responses.recommendationsIntro')}</p>
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
  receivedFrom,
  maxBytes,
  editing,
  setEditing,
  onSaved,
  onAssessed,
}: {
  entry: Entry;
  validationId: string;
  summary: string | null;
  status: FindingStatus;
  canRecord: boolean;
  /** The day the report was issued: no response arrived before it. */
  receivedFrom: string | null;
  maxBytes: number;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  onSaved: (criterionId: string, response: MemberResponse, corrected: boolean) => void;
  onAssessed: (criterionId: string, result: AssessResult) => void;
}) {
  const { t } = useTranslation();
  const personLabel = usePersonLabel();
  const { finding, responses, files, resolved } = entry;
  const headingId = `response-finding-${finding.id}`;
  const fileBySha = new Map(files.map((f) => [f.sha256, f]));
  const listedShas = new Set(responses.flatMap((r) => r.evidenceSha256));
  // Files stored for this finding but listed in no response yet (a form left before saving).
  const unlisted = files.filter((f) => !listedShas.has(f.sha256));
  const recommendation = finding.classification === 'RECOMMENDATION';
  const classificationText = t(
    recommendation ? 'domain.classification.RECOMMENDATION' : 'domain.classification.ACTION_REQUIRED',
  );
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
          {t('worksheetParts.common.findingOn', { criterion: finding.criterionId })}
          <span className="usa-sr-only">
            {t('worksheetParts.responses.classificationSr', { classification: classificationText })}
          </span>
        </h4>
        <span className={`usa-tag classification-tag classification-tag--${recommendation ? 'rec' : 'ar'}`}>
          {classificationText}
        </span>
        {recommendation && <span className="usa-tag noblock-tag">{t('worksheetParts.common.optional')}</span>}
        <span
          className={`usa-tag response-status-tag response-status-tag--${status.tone}`}
          data-testid="finding-status"
        >
          {t(`worksheetParts.responses.status.${status.label}`)}
        </span>
      </header>
      {summary && <p className="response-finding__criterion">{summary}</p>}
      <p className="response-finding__description">
        {finding.description || t('worksheetParts.responses.noDescription')}
      </p>

      {responses.length === 0 ? (
        <p className="response-finding__none">{t('worksheetParts.responses.noResponses')}</p>
      ) : (
        <ol
          className="usa-list usa-list--unstyled response-list"
          aria-label={t('worksheetParts.responses.responsesTo', { criterion: finding.criterionId })}
        >
          {responses.map((response, index) => {
            const listedFiles = response.evidenceSha256.map((sha) => ({ sha, file: fileBySha.get(sha) }));
            const correcting = editingHere && editing?.responseId === response.id;
            return (
              <li key={response.id} className="member-response" data-testid="member-response">
                <h5 className="member-response__title" id={`response-${response.id}`} tabIndex={-1}>
                  {t('worksheetParts.responses.responseTitle', {
                    number: index + 1,
                    date: formatDate(response.receivedOn),
                  })}
                </h5>
                {correcting ? (
                  <RecordResponseForm
                    validationId={validationId}
                    findingId={finding.id}
                    criterionId={finding.criterionId}
                    maxBytes={maxBytes}
                    receivedFrom={receivedFrom}
                    existing={response}
                    initialFiles={listedFiles.flatMap((f) => (f.file ? [f.file] : []))}
                    onSaved={(saved) => onSaved(finding.criterionId, saved, true)}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <>
                    <p className="member-response__label">{t('worksheetParts.common.correctiveAction')}</p>
                    <p className="member-response__action">{response.correctiveAction}</p>
                    {listedFiles.length > 0 && (
                      <>
                        <p className="member-response__label">{t('worksheetParts.common.filesSent')}</p>
                        <ul className="usa-list usa-list--unstyled member-files__list">
                          {listedFiles.map(({ sha, file }) => (
                            <li key={sha} className="member-file" data-testid="member-file">
                              {file ? (
                                <MemberFileName file={file} />
                              ) : (
                                <>
                                  {t('worksheetParts.files.notStored')}{' '}
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
                            {t(`worksheetParts.common.assessment.${response.assessment}`)}
                          </span>{' '}
                          {response.assessedBy && personLabel(response.assessedBy)}
                          {response.assessedAt && `, ${formatDateTime(response.assessedAt)}`}
                        </p>
                        {response.assessmentNote && (
                          <p className="member-response__note">
                            {response.assessment === 'ACCEPTED'
                              ? t('worksheetParts.responses.note')
                              : t('worksheetParts.responses.stillNeeded')}
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
                          {t('worksheetParts.responses.correct')}
                          <span className="usa-sr-only">{t('worksheetParts.responses.correctSr')}</span>
                        </button>
                        <AssessResponseForm
                          validationId={validationId}
                          response={response}
                          criterionId={finding.criterionId}
                          onAssessed={(result) => onAssessed(finding.criterionId, result)}
                        />
                      </>
                    ) : (
                      <p className="member-response__pending">{t('worksheetParts.responses.notAssessed')}</p>
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
            receivedFrom={receivedFrom}
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
            {t('worksheetParts.common.recordResponse', { criterion: finding.criterionId })}
          </button>
        ))}
    </article>
  );
}
