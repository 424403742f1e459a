import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowState } from '../../../shared/domain/lifecycle';
import { worksheetProgress } from '../../../shared/domain/worksheet-rules';
import { Alert } from '../components/Alert';
import { formatDate, formatTime } from '../components/format';
import { ProgressMeter } from '../components/ProgressMeter';
import { SyncTag } from '../components/SyncTag';
import { hasTextTooLongToSave, useTextTooLongToSave } from '../components/useAutosaveText';
import { useDomainLabels } from '../i18n/domain-labels';
import { readLastPlace, usePreferences, writeLastPlace } from '../state/preferences';
import { routeHref, type WorksheetSection } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { useWorksheetStore } from '../state/worksheet-store';
import { AuditChainBanner } from './AuditLog';
import { CriterionCard } from './CriterionCard';
import { VirtualSessionPanel } from './inspections/VirtualSessionPanel';
import { AssignmentWithdrawnBanner } from './worksheet/AssignmentWithdrawnBanner';
import { CompactCriterionRow } from './worksheet/criterion/CompactCriterionRow';
import { LockedCategorySummary } from './worksheet/LockedCategorySummary';
import { MemberResponsesSection } from './worksheet/MemberResponsesSection';
import { ObservationsSection } from './worksheet/ObservationsSection';
import { ReturnedBanner } from './worksheet/ReturnedBanner';
import { ReviewSection } from './worksheet/ReviewSection';
import { ShortcutsHelp } from './worksheet/ShortcutsHelp';
import { SitesSection } from './worksheet/SitesSection';
import { useWorksheetShortcuts } from './worksheet/shortcuts';
import { useLocalizedCatalog } from './worksheet/useLocalizedCatalog';
import { WorksheetViewControls } from './worksheet/WorksheetViewControls';

/**
 * Writes the sticky bar's height as it is now, 0 when a short window lets it scroll away; also called right before
 * scrolling, as a new section may resize it.
 */
function publishBarHeight(bar: HTMLElement | null): void {
  if (!bar) return;
  const height = getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
  bar.parentElement?.style.setProperty('--worksheet-bar-height', `${height}px`);
}

/**
 * Publishes the sticky bar's height on the worksheet as --worksheet-bar-height: the bar is one row or two (language,
 * view, an undo message), and the side navigation and a criterion scrolled to must stop below it, not under it.
 */
function trackBarHeight(bar: HTMLElement | null): (() => void) | undefined {
  const worksheet = bar?.parentElement;
  if (!bar || !worksheet || typeof ResizeObserver === 'undefined') return;
  const publish = () => publishBarHeight(bar);
  publish();
  const observer = new ResizeObserver(publish);
  observer.observe(bar);
  // A window made shorter (or zoomed) may unstick the bar without changing its size.
  window.addEventListener('resize', publish);
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', publish);
    worksheet.style.removeProperty('--worksheet-bar-height');
  };
}

/** The states that say why the answers cannot be changed in words of their own (worksheet.locked.*). */
const LOCKED_STATES = ['IN_REVIEW', 'APPROVED', 'AWAITING_RESPONSE', 'CLOSED'] as const;
const lockedState = (state: WorkflowState | null) => LOCKED_STATES.find((s) => s === state);

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
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const { worksheet, loadError, responses, saveStates, lastSavedAt, open, activeCriterionId, undoStack, undo } =
    useWorksheetStore();
  const lastSyncAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [undoMessage, setUndoMessage] = useState<string | null>(null);
  const [preferences] = usePreferences();
  const compact = preferences.worksheetView === 'compact';
  const bar = useRef<HTMLElement | null>(null);
  const barRef = useCallback((element: HTMLElement | null) => {
    bar.current = element;
    const untrack = trackBarHeight(element);
    return () => {
      bar.current = null;
      untrack?.();
    };
  }, []);

  useEffect(() => {
    void open(validationId);
  }, [open, validationId]);

  const progress = useMemo(
    () => (worksheet ? worksheetProgress(worksheet.criteria, Object.values(responses)) : null),
    [worksheet, responses],
  );
  // What the SCSS reads (names, summaries, sub-requirements) in the interface's language; the rules use the edition.
  const catalog = useLocalizedCatalog(worksheet);
  const criteria = useMemo(() => catalog?.criteria.filter((c) => c.category === category) ?? [], [catalog, category]);
  const criterionIds = useMemo(() => criteria.map((c) => c.id), [criteria]);
  const anySaving = Object.values(saveStates).some((s) => s.kind === 'saving');
  const failed = Object.entries(saveStates).filter(([, s]) => s.kind === 'error');
  // Draft keys start with the validation's id (CriterionDetails): text over a limit is on screen only.
  const tooLong = useTextTooLongToSave(`${validationId}/`);
  // Another person's validation (the laptop was handed over) reads like a submitted one: nothing to change here.
  const locked = worksheet?.validation.status === 'SUBMITTED' || (worksheet?.anotherPersons ?? null) !== null;

  // A link from the completeness check or the returned banner lands on the criterion it names: once, when it
  // is followed (not again after every save, which would pull focus away from the field being edited).
  const loaded = worksheet?.validation.id === validationId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: category: the same focus on another page moves again
  useEffect(() => {
    if (!focus || !loaded) return;
    useWorksheetStore.getState().setActiveCriterion(focus);
    // What a link points at (a missing justification, a returned finding) is in the details: a compact row opens.
    useWorksheetStore.getState().setExpanded(focus, true);
    const card = document.querySelector<HTMLElement>(`[data-criterion="${CSS.escape(focus)}"]`);
    publishBarHeight(bar.current);
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
  const onUndone = useCallback(
    (criterionId: string) => setUndoMessage(t('worksheet.undid', { criterion: criterionId })),
    [t],
  );
  useWorksheetShortcuts({
    validationId,
    category,
    criterionIds,
    locked: locked ?? false,
    enabled: section === 'criteria' && worksheet !== null,
    onToggleHelp: toggleHelp,
    onUndone,
  });

  // Closing the window while a save is in flight, or with text too long to save on screen, would lose it: ask first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (anySaving || failed.length > 0 || hasTextTooLongToSave()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anySaving, failed.length]);

  if (loadError) {
    return (
      <div className="grid-container screen">
        <h1 tabIndex={-1}>{t('worksheet.title')}</h1>
        <Alert type="error" heading={t('worksheet.loadFailed')}>
          {loadError(t)}
        </Alert>
        <a className="usa-link" href={routeHref({ name: 'members' })}>
          {t('worksheet.backToMembers')}
        </a>
      </div>
    );
  }
  if (!worksheet || !progress) {
    return (
      <div className="grid-container screen">
        <h1 tabIndex={-1}>{t('worksheet.title')}</h1>
        <p aria-live="polite">{t('worksheet.opening')}</p>
      </div>
    );
  }

  const { validation, member, edition, lifecycle } = worksheet;
  const categories = catalog?.categories ?? worksheet.categories;
  const focusAreas = catalog?.focusAreas ?? worksheet.focusAreas;
  const hasResponses = lifecycle.state !== null && RESPONSE_STATES.has(lifecycle.state);
  const lockedAs = lockedState(lifecycle.state);
  const lockedMessage = worksheet.anotherPersons
    ? t('worksheet.locked.anotherPersons', { name: worksheet.anotherPersons.name })
    : lockedAs
      ? t(`worksheet.locked.${lockedAs}`)
      : t('worksheet.locked.submitted');
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
    if (id) setUndoMessage(t('worksheet.undid', { criterion: id }));
  };

  return (
    <div className="worksheet">
      <section className="worksheet__summary" aria-label={t('worksheet.summary.label')}>
        <div className="grid-container-widescreen">
          <p className="worksheet__eyebrow">
            {t('worksheet.summary.eyebrow', {
              entityType: labels.entityType(validation.entityType),
              mode: labels.mode(validation.mode),
              date: formatDate(validation.scheduledDate),
            })}{' '}
            <span className="worksheet__state" data-testid="workflow-state">
              {lifecycle.state ? labels.workflowState(lifecycle.state) : labels.status(validation.status)}
            </span>
          </p>
          <h1 tabIndex={-1} className="worksheet__title">
            {member.legalName}
          </h1>
          <p className="worksheet__sync">
            {lifecycle.responseOverdue && (
              <span className="usa-tag overdue-tag" data-testid="response-overdue">
                {t('worksheet.summary.responseOverdue')}
              </span>
            )}
            {lifecycle.demo && (
              <span className="usa-tag demo-tag" data-testid="demo-tag">
                {t('worksheet.summary.demo')}
              </span>
            )}
            <SyncTag validationId={validation.id} />
          </p>
          <p className="worksheet__edition" data-testid="worksheet-edition">
            {t('worksheet.summary.checkedAgainst', { title: catalog?.title ?? edition.title, id: edition.id })}
            {worksheet.previousResults.length > 0 && (
              <>
                {' '}
                {t('worksheet.summary.revalidation')}
                {repeatCount > 0 && t('worksheet.summary.repeats', { count: repeatCount })}
              </>
            )}
          </p>
        </div>
      </section>
      {/* Progress, save state and tools stay in view while the SCSS scrolls through a long category. */}
      <section
        ref={barRef}
        className="worksheet__bar"
        aria-label={t('worksheet.bar.label')}
        data-testid="worksheet-bar"
      >
        <div className="grid-container-widescreen">
          <div className="worksheet__progress-row">
            <ProgressMeter answered={progress.answered} total={progress.total} label={t('worksheet.bar.overall')} />
            <div className="worksheet__tools">
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                disabled={undoStack.length === 0 || locked}
                onClick={() => void runUndo()}
              >
                {t('worksheet.bar.undo')}
              </button>
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={toggleHelp}
                aria-expanded={helpOpen}
              >
                {t('worksheet.bar.shortcuts')}
              </button>
              <a className="usa-link" href={routeHref({ name: 'report', validationId })} data-testid="report-link">
                {t('worksheet.bar.report')}
              </a>
            </div>
            {section === 'criteria' && !locked && <WorksheetViewControls mode={validation.mode} />}
            <div className="worksheet__status-row">
              <p className="worksheet__save-status" aria-live="polite" data-testid="save-status">
                {anySaving
                  ? t('worksheet.bar.saving')
                  : failed.length > 0
                    ? t('worksheet.bar.notSaved', { count: failed.length })
                    : tooLong > 0
                      ? t('worksheet.bar.tooLongToSave', { count: tooLong })
                      : lastSavedAt
                        ? t('worksheet.bar.savedAt', { time: formatTime(lastSavedAt) })
                        : t('worksheet.bar.savedAsYouGo')}
              </p>
              {undoMessage && (
                <p className="worksheet__undo-message" role="status">
                  {undoMessage}
                </p>
              )}
            </div>
          </div>
        </div>
      </section>

      <div className="grid-container-widescreen worksheet__body">
        <div className="worksheet__nav">
          <nav aria-label={t('worksheet.nav.sections')}>
            <ul className="usa-sidenav worksheet__sections">
              <li className="usa-sidenav__item">
                <a {...sectionLinkProps('sites')}>
                  <span className="worksheet__nav-name">{t('worksheet.nav.sites')}</span>
                  <span className="worksheet__nav-count">{worksheet.sites.length}</span>
                </a>
              </li>
              {validation.mode === 'VIRTUAL' && (
                <li className="usa-sidenav__item">
                  <a {...sectionLinkProps('session')}>
                    <span className="worksheet__nav-name">{t('worksheet.nav.session')}</span>
                  </a>
                </li>
              )}
              <li className="usa-sidenav__item">
                <a {...sectionLinkProps('review')}>
                  <span className="worksheet__nav-name">{t('worksheet.nav.review')}</span>
                </a>
              </li>
              {(hasResponses || section === 'responses') && (
                <li className="usa-sidenav__item">
                  <a {...sectionLinkProps('responses')}>
                    <span className="worksheet__nav-name">{t('worksheet.nav.responses')}</span>
                    {lifecycle.responseOverdue && (
                      <span className="worksheet__nav-flag">{t('worksheet.nav.overdue')}</span>
                    )}
                  </a>
                </li>
              )}
            </ul>
          </nav>
          <nav aria-label={t('worksheet.nav.categories')}>
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
                              {t('worksheet.nav.answered', { answered: p?.answered ?? 0, total: p?.total ?? 0 })}
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
          <AssignmentWithdrawnBanner />
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
                    label={t('worksheet.category.progress', { name: current.name })}
                  />
                )}
              </div>
              {catalog?.unverified && criteria.length > 0 && (
                <p className="usa-hint" data-testid="catalog-text-unverified">
                  {t('worksheet.catalogText.unverified')}
                </p>
              )}
              {criteria.length === 0 ? (
                <p>{t('worksheet.category.none', { entityType: labels.entityType(validation.entityType) })}</p>
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
              <nav className="worksheet__pager" aria-label={t('worksheet.category.pages')}>
                {current.number > 1 && (
                  <a
                    className="usa-button usa-button--outline"
                    href={routeHref({ name: 'worksheet', validationId, category: current.number - 1 })}
                  >
                    {t('worksheet.category.previous')}
                  </a>
                )}
                {current.number < 12 ? (
                  <a
                    className="usa-button"
                    href={routeHref({ name: 'worksheet', validationId, category: current.number + 1 })}
                  >
                    {t('worksheet.category.next')}
                  </a>
                ) : (
                  <a className="usa-button" href={sectionLink('review')}>
                    {t('worksheet.category.review')}
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
