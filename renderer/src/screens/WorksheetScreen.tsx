import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../shared/domain/entity-types';
import type { WorkflowState } from '../../../shared/domain/lifecycle';
import { VALIDATION_MODE_LABELS } from '../../../shared/domain/validation';
import { worksheetProgress } from '../../../shared/domain/worksheet-rules';
import { Alert } from '../components/Alert';
import { formatDate, formatTime } from '../components/format';
import { ProgressMeter } from '../components/ProgressMeter';
import { SyncTag } from '../components/SyncTag';
import { readLastPlace, usePreferences, writeLastPlace } from '../state/preferences';
import { routeHref, type WorksheetSection } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { useWorksheetStore } from '../state/worksheet-store';
import { AuditChainBanner } from './AuditLog';
import { CriterionCard } from './CriterionCard';
import { VirtualSessionPanel } from './inspections/VirtualSessionPanel';
import { CompactCriterionRow } from './worksheet/criterion/CompactCriterionRow';
import { LockedCategorySummary } from './worksheet/LockedCategorySummary';
import { workflowStateLabel } from './worksheet/lifecycle-labels';
import { MemberResponsesSection } from './worksheet/MemberResponsesSection';
import { ObservationsSection } from './worksheet/ObservationsSection';
import { ReturnedBanner } from './worksheet/ReturnedBanner';
import { ReviewSection } from './worksheet/ReviewSection';
import { ShortcutsHelp } from './worksheet/ShortcutsHelp';
import { SitesSection } from './worksheet/SitesSection';
import { useWorksheetShortcuts } from './worksheet/shortcuts';
import { WorksheetViewControls } from './worksheet/WorksheetViewControls';

/** Why the answers cannot be changed, by where the validation is. */
const LOCKED_MESSAGES: Partial<Record<WorkflowState, string>> = {
  IN_REVIEW: 'The field office is reviewing this validation; its answers are locked.',
  APPROVED: 'This validation is approved; its answers are locked.',
  AWAITING_RESPONSE:
    'The report is issued; the answers are locked. Record the Member’s answers under Member responses.',
  CLOSED: 'This validation is closed; its answers are locked.',
};

/** Member responses have a page once the field office has approved the validation. */
const RESPONSE_STATES: ReadonlySet<WorkflowState> = new Set(['APPROVED', 'AWAITING_RESPONSE', 'CLOSED']);

export function WorksheetScreen({
  validationId,
  category,
  section = 'criteria',
  focus,
  resume = false,
}: {
  validationId: string;
  category: number;
  section?: WorksheetSection | undefined;
  focus?: string | undefined;
  resume?: boolean | undefined;
}) {
  const { worksheet, loadError, responses, saveStates, lastSavedAt, open, activeCriterionId, undoStack, undo } =
    useWorksheetStore();
  const lastSyncAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [undoMessage, setUndoMessage] = useState<string | null>(null);
  const [preferences] = usePreferences();
  const compact = preferences.worksheetView === 'compact';

  useEffect(() => {
    void open(validationId);
  }, [open, validationId]);

  const progress = useMemo(
    () => (worksheet ? worksheetProgress(worksheet.criteria, Object.values(responses)) : null),
    [worksheet, responses],
  );
  const criteria = useMemo(
    () => worksheet?.criteria.filter((c) => c.category === category) ?? [],
    [worksheet, category],
  );
  const criterionIds = useMemo(() => criteria.map((c) => c.id), [criteria]);
  const anySaving = Object.values(saveStates).some((s) => s.kind === 'saving');
  const failed = Object.entries(saveStates).filter(([, s]) => s.kind === 'error');
  const locked = worksheet?.validation.status === 'SUBMITTED';

  // A link from the completeness check or the returned banner lands on the criterion it names: once, when it
  // is followed (not again after every save, which would pull focus away from the field being edited).
  const loaded = worksheet?.validation.id === validationId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: category: the same focus on another page moves again
  useEffect(() => {
    if (!focus || !loaded) return;
    useWorksheetStore.getState().setActiveCriterion(focus);
    const card = document.querySelector<HTMLElement>(`[data-criterion="${CSS.escape(focus)}"]`);
    card?.scrollIntoView({ block: 'start' });
    card?.focus();
  }, [focus, loaded, category]);

  // Opened without a place to go (a reload, a link from Members): back to the criterion last worked on, once.
  const resumed = useRef<string | null>(null);
  useEffect(() => {
    if (!loaded || resumed.current === validationId) return;
    resumed.current = validationId;
    if (focus || section !== 'criteria') return;
    const last = readLastPlace(validationId);
    if (!last) return;
    if (resume && last.category !== category) {
      window.location.replace(routeHref({ name: 'worksheet', validationId, category: last.category }));
      resumed.current = null;
      return;
    }
    if (last.category !== category || !last.criterionId) return;
    useWorksheetStore.getState().setActiveCriterion(last.criterionId);
    const row = document.querySelector<HTMLElement>(`[data-criterion="${CSS.escape(last.criterionId)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [loaded, validationId, focus, section, resume, category]);

  // Where the SCSS works now is where the worksheet reopens next time.
  useEffect(() => {
    if (!loaded || section !== 'criteria' || resumed.current !== validationId) return;
    if (activeCriterionId === null || !criterionIds.includes(activeCriterionId)) return;
    writeLastPlace(validationId, { category, criterionId: activeCriterionId });
  }, [loaded, section, activeCriterionId, criterionIds, validationId, category]);

  // A sync (the Sync button or one in the background) may pull a return, an approval or a closure: ask where
  // the validation stands each time one succeeds.
  const seenSyncAt = useRef(lastSyncAt);
  useEffect(() => {
    if (!loaded || seenSyncAt.current === lastSyncAt) return;
    seenSyncAt.current = lastSyncAt;
    void useWorksheetStore.getState().refreshLifecycle({ reopenIfMoved: true });
  }, [lastSyncAt, loaded]);

  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const onUndone = useCallback((criterionId: string) => setUndoMessage(`Undid the last change to ${criterionId}.`), []);
  useWorksheetShortcuts({
    validationId,
    category,
    criterionIds,
    locked: locked ?? false,
    enabled: section === 'criteria' && worksheet !== null,
    onToggleHelp: toggleHelp,
    onUndone,
  });

  // Closing the window while a save is in flight would lose it: ask first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (anySaving || failed.length > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anySaving, failed.length]);

  if (loadError) {
    return (
      <div className="grid-container screen">
        <h1 tabIndex={-1}>Worksheet</h1>
        <Alert type="error" heading="The worksheet could not be opened">
          {loadError}
        </Alert>
        <a className="usa-link" href={routeHref({ name: 'members' })}>
          Back to Members
        </a>
      </div>
    );
  }
  if (!worksheet || !progress) {
    return (
      <div className="grid-container screen">
        <h1 tabIndex={-1}>Worksheet</h1>
        <p aria-live="polite">Opening worksheet…</p>
      </div>
    );
  }

  const { validation, member, edition, categories, focusAreas, lifecycle } = worksheet;
  const hasResponses = lifecycle.state !== null && RESPONSE_STATES.has(lifecycle.state);
  const lockedMessage =
    (lifecycle.state && LOCKED_MESSAGES[lifecycle.state]) ??
    'This validation has been submitted; its answers are locked.';
  const current = categories.find((c) => c.number === category) ?? categories[0];
  const categoryProgress = progress.byCategory.find((p) => p.category === current?.number);
  const repeatCount = worksheet.previousResults.filter(
    (p) => p.result === 'DEFICIENT' && responses[p.criterionId]?.result === 'DEFICIENT',
  ).length;
  const sectionLink = (target: WorksheetSection) =>
    routeHref({ name: 'worksheet', validationId, category, section: target });
  const sectionLinkProps = (target: WorksheetSection) => ({
    href: sectionLink(target),
    className: section === target ? 'usa-current' : undefined,
    'aria-current': section === target ? ('page' as const) : undefined,
  });

  const runUndo = async () => {
    const id = await undo();
    if (id) setUndoMessage(`Undid the last change to ${id}.`);
  };

  return (
    <div className="worksheet">
      <section className="worksheet__summary" aria-label="Validation summary">
        <div className="grid-container-widescreen">
          <p className="worksheet__eyebrow">
            {ENTITY_TYPE_LABELS[validation.entityType]} validation · {VALIDATION_MODE_LABELS[validation.mode]} ·
            scheduled {formatDate(validation.scheduledDate)} ·{' '}
            <span className="worksheet__state" data-testid="workflow-state">
              {workflowStateLabel(lifecycle, validation.status)}
            </span>
          </p>
          <h1 tabIndex={-1} className="worksheet__title">
            {member.legalName}
          </h1>
          <p className="worksheet__sync">
            {lifecycle.responseOverdue && (
              <span className="usa-tag overdue-tag" data-testid="response-overdue">
                Response overdue
              </span>
            )}
            {lifecycle.demo && (
              <span className="usa-tag demo-tag" data-testid="demo-tag">
                Demo validation: stays on this computer
              </span>
            )}
            <SyncTag validationId={validation.id} />
          </p>
          <p className="worksheet__edition">
            Checked against {edition.title} ({edition.id})
            {worksheet.previousResults.length > 0 && (
              <>
                {' '}
                · revalidation: earlier results shown
                {repeatCount > 0 && `, ${repeatCount} repeat deficienc${repeatCount > 1 ? 'ies' : 'y'}`}
              </>
            )}
          </p>
        </div>
      </section>
      {/* Progress, save state and tools stay in view while the SCSS scrolls through a long category. */}
      <section className="worksheet__bar" aria-label="Progress and saving" data-testid="worksheet-bar">
        <div className="grid-container-widescreen">
          <div className="worksheet__progress-row">
            <ProgressMeter answered={progress.answered} total={progress.total} label="Overall progress" />
            <div className="worksheet__tools">
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                disabled={undoStack.length === 0 || locked}
                onClick={() => void runUndo()}
              >
                Undo last change
              </button>
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={toggleHelp}
                aria-expanded={helpOpen}
              >
                Keyboard shortcuts (?)
              </button>
              <a className="usa-link" href={routeHref({ name: 'report', validationId })} data-testid="report-link">
                Report
              </a>
            </div>
            {section === 'criteria' && !locked && <WorksheetViewControls mode={validation.mode} />}
            <p className="worksheet__save-status" aria-live="polite" data-testid="save-status">
              {anySaving
                ? 'Saving…'
                : failed.length > 0
                  ? `${failed.length} change${failed.length > 1 ? 's' : ''} not saved — see the criteria marked below`
                  : lastSavedAt
                    ? `All changes saved at ${formatTime(lastSavedAt)}`
                    : 'All changes are saved as you go'}
            </p>
          </div>
          {undoMessage && (
            <p className="worksheet__undo-message" role="status">
              {undoMessage}
            </p>
          )}
        </div>
      </section>

      <div className="grid-container-widescreen worksheet__body">
        <div className="worksheet__nav">
          <nav aria-label="Worksheet sections">
            <ul className="usa-sidenav worksheet__sections">
              <li className="usa-sidenav__item">
                <a {...sectionLinkProps('sites')}>
                  <span className="worksheet__nav-name">Sites</span>
                  <span className="worksheet__nav-count">{worksheet.sites.length}</span>
                </a>
              </li>
              {validation.mode === 'VIRTUAL' && (
                <li className="usa-sidenav__item">
                  <a {...sectionLinkProps('session')}>
                    <span className="worksheet__nav-name">Virtual session log</span>
                  </a>
                </li>
              )}
              <li className="usa-sidenav__item">
                <a {...sectionLinkProps('review')}>
                  <span className="worksheet__nav-name">Review and submit</span>
                </a>
              </li>
              {(hasResponses || section === 'responses') && (
                <li className="usa-sidenav__item">
                  <a {...sectionLinkProps('responses')}>
                    <span className="worksheet__nav-name">Member responses</span>
                    {lifecycle.responseOverdue && <span className="worksheet__nav-flag">Overdue</span>}
                  </a>
                </li>
              )}
            </ul>
          </nav>
          <nav aria-label="Criteria categories">
            {focusAreas.map((area) => (
              <div key={area.id} className="worksheet__focus-area">
                <h2 className="worksheet__focus-heading">{area.name}</h2>
                <ul className="usa-sidenav">
                  {categories
                    .filter((c) => c.focusArea === area.id)
                    .map((c) => {
                      const p = progress.byCategory.find((b) => b.category === c.number);
                      const isCurrent = section === 'criteria' && c.number === current?.number;
                      return (
                        <li className="usa-sidenav__item" key={c.number}>
                          <a
                            href={routeHref({ name: 'worksheet', validationId, category: c.number })}
                            className={isCurrent ? 'usa-current' : undefined}
                            aria-current={isCurrent ? 'page' : undefined}
                          >
                            <span className="worksheet__nav-name">
                              {c.number}. {c.name}
                            </span>
                            <span className="worksheet__nav-count" aria-hidden="true">
                              {p?.answered ?? 0}/{p?.total ?? 0}
                            </span>
                            <span className="usa-sr-only">
                              , {p?.answered ?? 0} of {p?.total ?? 0} answered
                            </span>
                          </a>
                        </li>
                      );
                    })}
                </ul>
              </div>
            ))}
          </nav>
        </div>

        <div className="worksheet__content">
          <AuditChainBanner validationId={validationId} />
          {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
          {section !== 'responses' && <ReturnedBanner variant={section === 'criteria' ? 'compact' : 'full'} />}
          {locked && section !== 'review' && section !== 'responses' && <Alert type="info">{lockedMessage}</Alert>}
          {section === 'sites' && <SitesSection locked={locked} />}
          {section === 'session' && <VirtualSessionPanel validationId={validationId} locked={locked} />}
          {section === 'review' && <ReviewSection />}
          {section === 'responses' && <MemberResponsesSection />}
          {section === 'criteria' && current && (
            <section className="worksheet__criteria" aria-labelledby="category-heading">
              <div className="worksheet__category-header">
                <h2 id="category-heading">
                  {current.number}. {current.name}
                </h2>
                {categoryProgress && (
                  <ProgressMeter
                    answered={categoryProgress.answered}
                    total={categoryProgress.total}
                    label={`Progress in ${current.name}`}
                  />
                )}
              </div>
              {criteria.length === 0 ? (
                <p>No criteria in this category apply to {ENTITY_TYPE_LABELS[validation.entityType]}s.</p>
              ) : locked ? (
                <LockedCategorySummary criteria={criteria} />
              ) : (
                criteria.map((c) =>
                  compact ? (
                    <CompactCriterionRow key={c.id} criterion={c} locked={locked} active={c.id === activeCriterionId} />
                  ) : (
                    <CriterionCard key={c.id} criterion={c} locked={locked} active={c.id === activeCriterionId} />
                  ),
                )
              )}
              <ObservationsSection category={current.number} categoryName={current.name} locked={locked} />
              <nav className="worksheet__pager" aria-label="Category pages">
                {current.number > 1 && (
                  <a
                    className="usa-button usa-button--outline"
                    href={routeHref({ name: 'worksheet', validationId, category: current.number - 1 })}
                  >
                    ← Previous category
                  </a>
                )}
                {current.number < 12 ? (
                  <a
                    className="usa-button"
                    href={routeHref({ name: 'worksheet', validationId, category: current.number + 1 })}
                  >
                    Next category →
                  </a>
                ) : (
                  <a className="usa-button" href={sectionLink('review')}>
                    Review and submit →
                  </a>
                )}
              </nav>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
