import { useEffect, useMemo } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../shared/domain/entity-types';
import { VALIDATION_MODE_LABELS, VALIDATION_STATUS_LABELS } from '../../../shared/domain/validation';
import { worksheetProgress } from '../../../shared/domain/worksheet-rules';
import { Alert } from '../components/Alert';
import { formatDate, formatTime } from '../components/format';
import { ProgressMeter } from '../components/ProgressMeter';
import { routeHref } from '../state/route';
import { useWorksheetStore } from '../state/worksheet-store';
import { CriterionCard } from './CriterionCard';

export function WorksheetScreen({ validationId, category }: { validationId: string; category: number }) {
  const { worksheet, loadError, responses, saveStates, lastSavedAt, open } = useWorksheetStore();

  useEffect(() => {
    void open(validationId);
  }, [open, validationId]);

  const progress = useMemo(
    () => (worksheet ? worksheetProgress(worksheet.criteria, Object.values(responses)) : null),
    [worksheet, responses],
  );
  const anySaving = Object.values(saveStates).some((s) => s.kind === 'saving');
  const failed = Object.entries(saveStates).filter(([, s]) => s.kind === 'error');

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

  const { validation, member, edition, categories, focusAreas } = worksheet;
  const locked = validation.status === 'SUBMITTED';
  const current = categories.find((c) => c.number === category) ?? categories[0];
  const criteria = worksheet.criteria.filter((c) => c.category === current?.number);
  const categoryProgress = progress.byCategory.find((p) => p.category === current?.number);

  return (
    <div className="worksheet">
      <section className="worksheet__summary" aria-label="Validation summary">
        <div className="grid-container-widescreen">
          <p className="worksheet__eyebrow">
            {ENTITY_TYPE_LABELS[validation.entityType]} validation · {VALIDATION_MODE_LABELS[validation.mode]} ·
            scheduled {formatDate(validation.scheduledDate)} · {VALIDATION_STATUS_LABELS[validation.status]}
          </p>
          <h1 tabIndex={-1} className="worksheet__title">
            {member.legalName}
          </h1>
          <p className="worksheet__edition">
            Checked against {edition.title} ({edition.id})
          </p>
          <div className="worksheet__progress-row">
            <ProgressMeter answered={progress.answered} total={progress.total} label="Overall progress" />
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
        </div>
      </section>

      <div className="grid-container-widescreen worksheet__body">
        <nav className="worksheet__nav" aria-label="Criteria categories">
          {focusAreas.map((area) => (
            <div key={area.id} className="worksheet__focus-area">
              <h2 className="worksheet__focus-heading">{area.name}</h2>
              <ul className="usa-sidenav">
                {categories
                  .filter((c) => c.focusArea === area.id)
                  .map((c) => {
                    const p = progress.byCategory.find((b) => b.category === c.number);
                    const isCurrent = c.number === current?.number;
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

        <section className="worksheet__criteria" aria-labelledby="category-heading">
          <div className="worksheet__category-header">
            <h2 id="category-heading">
              {current?.number}. {current?.name}
            </h2>
            {categoryProgress && (
              <ProgressMeter
                answered={categoryProgress.answered}
                total={categoryProgress.total}
                label={`Progress in ${current?.name}`}
              />
            )}
          </div>
          {locked && <Alert type="info">This validation has been submitted; its answers are locked.</Alert>}
          {criteria.length === 0 ? (
            <p>No criteria in this category apply to {ENTITY_TYPE_LABELS[validation.entityType]}s.</p>
          ) : (
            criteria.map((c) => <CriterionCard key={c.id} criterion={c} locked={locked} />)
          )}
          <nav className="worksheet__pager" aria-label="Category pages">
            {current && current.number > 1 && (
              <a
                className="usa-button usa-button--outline"
                href={routeHref({ name: 'worksheet', validationId, category: current.number - 1 })}
              >
                ← Previous category
              </a>
            )}
            {current && current.number < 12 && (
              <a
                className="usa-button"
                href={routeHref({ name: 'worksheet', validationId, category: current.number + 1 })}
              >
                Next category →
              </a>
            )}
          </nav>
        </section>
      </div>
    </div>
  );
}
