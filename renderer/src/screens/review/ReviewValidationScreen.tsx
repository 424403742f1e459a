import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { reviewOpen, type WorkflowState } from '../../../../shared/domain/lifecycle';
import type { ReviewValidationView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { routeHref } from '../../state/route';
import { useSyncStore } from '../../state/sync-store';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { ChangesSinceReview } from './ChangesSinceReview';
import { FindingReviewCard } from './FindingReviewCard';
import { entityTypeLabel, formatMoment, modeLabel, plural, shortHash } from './review-format';
import { ValidationActions } from './ValidationActions';
import { WholeValidation } from './WholeValidation';

/** Why no decisions are taken now, in each state past or before review. */
const CLOSED_NOTES: Partial<Record<WorkflowState, string>> = {
  IN_PROGRESS: 'The SCSS reopened this validation; it comes back for review when they submit it again.',
  RETURNED:
    'Returned to the SCSS for correction. You can decide again once they resubmit it; the decisions below are those you sent back.',
  APPROVED: 'Approved: the decisions below are final. The report can now be issued.',
  AWAITING_RESPONSE: 'The report is issued; the decisions below are as recorded.',
  CLOSED: 'Closed; the decisions below are as recorded.',
};

/** Category names from the catalog edition the validation was made against, when it is installed here. */
function useCategoryNames(edition: ReviewValidationView['edition'] | undefined): ReadonlyMap<number, string> {
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const editionId = edition?.installed ? edition.id : null;
  useEffect(() => {
    if (!editionId) return;
    let live = true;
    call('catalog:get', { editionId })
      .then((catalog) => live && setNames(new Map(catalog.categories.map((c) => [c.number, c.name]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [editionId]);
  return names;
}

function Header({ view }: { view: ReviewValidationView }) {
  return (
    <div className="review-header">
      <p className="review-header__eyebrow">
        <a className="usa-link" href={routeHref({ name: 'reviews' })}>
          <span aria-hidden="true">← </span>Reviews
        </a>{' '}
        / {entityTypeLabel(view.entityType)} validation ·{' '}
        <a className="usa-link" href={routeHref({ name: 'report', validationId: view.validationId })}>
          Report
        </a>
      </p>
      <h1 tabIndex={-1} className="review-header__title" data-testid="review-member">
        {view.memberName ?? 'Member not on this computer'}
      </h1>
      <dl className="review-header__facts">
        <div>
          <dt>Account</dt>
          <dd>{view.memberAccountNumber ?? '—'}</dd>
        </div>
        <div>
          <dt>Entity type</dt>
          <dd>{entityTypeLabel(view.entityType)}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{modeLabel(view.mode)}</dd>
        </div>
        <div>
          <dt>Validation date</dt>
          <dd>{view.scheduledDate ? formatDate(view.scheduledDate) : '—'}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>{view.submittedAt ? formatMoment(view.submittedAt) : '—'}</dd>
        </div>
        <div>
          <dt>Signed by</dt>
          <dd data-testid="review-signer">{view.signedByName ?? '—'}</dd>
        </div>
        {view.contentSha256 && (
          <div>
            <dt>Fingerprint</dt>
            <dd>
              <code title={`SHA-256 ${view.contentSha256}`} data-testid="review-fingerprint">
                <span aria-hidden="true">{shortHash(view.contentSha256)}</span>
                <span className="usa-sr-only">{view.contentSha256}</span>
              </code>
            </dd>
          </div>
        )}
      </dl>
      {!view.edition.installed && (
        <Alert type="warning">
          The catalog edition {view.edition.id} is not installed on this computer, so criterion texts and levels are
          missing. The SCSS&rsquo;s answers are all here.
        </Alert>
      )}
    </div>
  );
}

/**
 * One validation as a reviewer or supervisor judges it: its state and history, the steps they may take, what
 * changed since they returned it, each finding with everything behind it and a decision form, and the whole
 * validation read-only below.
 */
export function ReviewValidationScreen({ validationId }: { validationId: string }) {
  const [view, setView] = useState<ReviewValidationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const request = useRef(0);

  const load = useCallback(async () => {
    const mine = ++request.current;
    try {
      const answer = await call('reviews:validation', { validationId });
      if (mine !== request.current) return;
      setView(answer);
      setError(null);
    } catch (e) {
      if (mine === request.current) setError(errorMessage(e));
    }
  }, [validationId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a finished sync may have brought HQ's newer state
  useEffect(() => {
    void load();
  }, [load, lastSuccessAt]);

  // The heading exists only once the view has loaded: focus it then, so screen readers start at the top.
  const loaded = view !== null;
  useEffect(() => {
    if (loaded) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [loaded]);

  const categoryNames = useCategoryNames(view?.edition);
  const requirementsOf = useMemo(
    () => new Map((view?.criteria ?? []).map((c) => [c.criterionId, c.requirements])),
    [view?.criteria],
  );

  if (!view) {
    return (
      <div className="grid-container-widescreen screen">
        <p className="review-header__eyebrow">
          <a className="usa-link" href={routeHref({ name: 'reviews' })}>
            <span aria-hidden="true">← </span>Reviews
          </a>
        </p>
        <h1 tabIndex={-1}>Validation under review</h1>
        {error ? <Alert type="error">{error}</Alert> : <p aria-live="polite">Loading the validation…</p>}
      </div>
    );
  }

  // Decisions are taken while the field office reviews, by its reviewers and supervisors: the same people and
  // states the rules let return it (the view offers no separate flag).
  const returnAction = view.lifecycle.actions.find((a) => a.kind === 'RETURN');
  const open = view.lifecycle.state !== null && reviewOpen(view.lifecycle.state);
  const closedNote = view.lifecycle.state ? CLOSED_NOTES[view.lifecycle.state] : CLOSED_NOTES.IN_PROGRESS;
  const canDecide = view.lifecycle.state !== null && reviewOpen(view.lifecycle.state) && !!returnAction?.allowed;
  const findingCriteria = new Set(view.findings.map((f) => f.criterionId));
  const showFinding = (criterionId: string) => {
    const card = document.getElementById(`finding-${criterionId}`);
    card?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  };

  return (
    <div className="review-page" data-testid="review-page">
      <div className="review-page__summary">
        <div className="grid-container-widescreen">
          <Header view={view} />
        </div>
      </div>
      <div className="grid-container-widescreen review-page__body">
        <div className="review-page__main">
          {error && <Alert type="error">{error}</Alert>}
          {closedNote && (
            <p className="review-page__closed-note" data-testid="review-closed-note">
              {closedNote}
            </p>
          )}
          {view.changesSinceLastReview && open && (
            <ChangesSinceReview
              changes={view.changesSinceLastReview}
              findingCriteria={findingCriteria}
              siteNames={new Map(view.sites.map((site) => [site.id, site.name]))}
              onShowFinding={showFinding}
            />
          )}
          <section aria-labelledby="findings-heading" className="review-findings">
            <h2 id="findings-heading">Findings ({view.findings.length})</h2>
            {view.findings.length === 0 ? (
              <p>No findings: the SCSS found every applicable criterion met. Approve or return the validation.</p>
            ) : (
              <>
                {!canDecide && open && returnAction?.reason && (
                  <p className="review-page__closed-note">You cannot record decisions here: {returnAction.reason}.</p>
                )}
                {view.findings.map((finding) => (
                  <FindingReviewCard
                    key={finding.id}
                    finding={finding}
                    requirements={requirementsOf.get(finding.criterionId) ?? []}
                    canDecide={canDecide}
                    markChanged={open}
                    onSaved={load}
                  />
                ))}
              </>
            )}
          </section>
          <WholeValidation view={view} categoryNames={categoryNames} markChanged={open} />
        </div>
        <aside className="review-page__side" aria-label="State and decisions">
          <LifecyclePanel lifecycle={view.lifecycle} />
          <ValidationActions view={view} canDecide={canDecide} onChanged={load} />
          <p className="review-page__count">
            {plural(view.criteria.length, 'criterion', 'criteria')} · {plural(view.evidence.length, 'evidence file')}
          </p>
        </aside>
      </div>
    </div>
  );
}
