import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../../shared/domain/entity-types';
import { reviewOpen, type WorkflowState } from '../../../../shared/domain/lifecycle';
import type { ValidationMode } from '../../../../shared/domain/validation';
import type { ReviewValidationView } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate, formatDateTime } from '../../components/format';
import { NoValue } from '../../components/NoValue';
import { useDomainLabels } from '../../i18n/domain-labels';
import { translateMessage } from '../../i18n/messages';
import { routeHref } from '../../state/route';
import { useSyncStore } from '../../state/sync-store';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { ChangesSinceReview } from './ChangesSinceReview';
import { FindingReviewCard } from './FindingReviewCard';
import { catalogTextUnverified, localizeCategoryNames, localizeReviewView } from './localized-review';
import { shortHash } from './review-format';
import { ValidationActions } from './ValidationActions';
import { WholeValidation } from './WholeValidation';

/** The states past or before review that say why no decisions are taken now (review.page.closed.<state>). */
const CLOSED_STATES = ['IN_PROGRESS', 'RETURNED', 'APPROVED', 'AWAITING_RESPONSE', 'CLOSED'] as const;
type ClosedState = (typeof CLOSED_STATES)[number];
const isClosed = (state: WorkflowState): state is ClosedState => (CLOSED_STATES as readonly string[]).includes(state);

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
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const entityType = labels.entityType(view.entityType as EntityType);
  return (
    <div className="review-header">
      <p className="review-header__eyebrow">
        <a className="usa-link" href={routeHref({ name: 'reviews' })}>
          <span aria-hidden="true">← </span>
          {t('review.page.reviews')}
        </a>{' '}
        {t('review.page.eyebrow', { entityType })}{' '}
        <a className="usa-link" href={routeHref({ name: 'report', validationId: view.validationId })}>
          {t('review.page.report')}
        </a>
      </p>
      <h1 tabIndex={-1} className="review-header__title" data-testid="review-member">
        {view.memberName ?? t('review.labels.memberMissing')}
      </h1>
      <dl className="review-header__facts">
        <div>
          <dt>{t('review.page.account')}</dt>
          <dd>{view.memberAccountNumber ?? <NoValue />}</dd>
        </div>
        <div>
          <dt>{t('review.page.entityType')}</dt>
          <dd>{entityType}</dd>
        </div>
        <div>
          <dt>{t('review.page.mode')}</dt>
          <dd>{labels.mode(view.mode as ValidationMode)}</dd>
        </div>
        <div>
          <dt>{t('review.page.validationDate')}</dt>
          <dd>{view.scheduledDate ? formatDate(view.scheduledDate) : <NoValue />}</dd>
        </div>
        <div>
          <dt>{t('review.page.submitted')}</dt>
          <dd>{view.submittedAt ? formatDateTime(view.submittedAt) : <NoValue />}</dd>
        </div>
        <div>
          <dt>{t('review.page.signedBy')}</dt>
          <dd data-testid="review-signer">{view.signedByName ?? <NoValue />}</dd>
        </div>
        {view.contentSha256 && (
          <div>
            <dt>{t('review.page.fingerprint')}</dt>
            <dd>
              <code title={t('review.labels.sha256', { hash: view.contentSha256 })} data-testid="review-fingerprint">
                <span aria-hidden="true">{shortHash(view.contentSha256)}</span>
                <span className="usa-sr-only">{view.contentSha256}</span>
              </code>
            </dd>
          </div>
        )}
      </dl>
      {!view.edition.installed && (
        <Alert type="warning">{t('review.page.editionMissing', { edition: view.edition.id })}</Alert>
      )}
    </div>
  );
}

/**
 * One validation as a reviewer or supervisor judges it: the steps they may take, its state and history, what
 * changed since they returned it, each finding with everything behind it and a decision form, and the whole
 * validation read-only below.
 */
export function ReviewValidationScreen({ validationId }: { validationId: string }) {
  const [heldView, setView] = useState<ReviewValidationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const request = useRef(0);
  const { t, i18n } = useTranslation();
  // The criterion text in the interface's language (the edition's overlay), as on the worksheet.
  const view = useMemo(() => heldView && localizeReviewView(heldView, i18n.language), [heldView, i18n.language]);

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

  const editionNames = useCategoryNames(view?.edition);
  const categoryNames = useMemo(
    () => localizeCategoryNames(editionNames, view?.edition.id, i18n.language),
    [editionNames, view?.edition.id, i18n.language],
  );
  const requirementsOf = useMemo(
    () => new Map((view?.criteria ?? []).map((c) => [c.criterionId, c.requirements])),
    [view?.criteria],
  );

  if (!view) {
    return (
      <div className="grid-container-widescreen screen">
        <p className="review-header__eyebrow">
          <a className="usa-link" href={routeHref({ name: 'reviews' })}>
            <span aria-hidden="true">← </span>
            {t('review.page.reviews')}
          </a>
        </p>
        <h1 tabIndex={-1}>{t('review.page.loadingTitle')}</h1>
        {error ? <Alert type="error">{error}</Alert> : <p aria-live="polite">{t('review.page.loading')}</p>}
      </div>
    );
  }

  // Decisions are taken while the field office reviews, by its reviewers and supervisors: the same people and
  // states the rules let return it (the view offers no separate flag).
  const returnAction = view.lifecycle.actions.find((a) => a.kind === 'RETURN');
  const open = view.lifecycle.state !== null && reviewOpen(view.lifecycle.state);
  const closedState: ClosedState | null = view.lifecycle.state
    ? isClosed(view.lifecycle.state)
      ? view.lifecycle.state
      : null
    : 'IN_PROGRESS';
  const closedNote = closedState ? t(`review.page.closed.${closedState}`) : null;
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
        {/* In reading order: the findings to decide, the steps they lead to, then the record they come from. The
            grid shows the steps beside both on a wide window and between them on a narrow (zoomed) one, so the
            focus order matches what is seen at any width. */}
        <div className="review-page__decide">
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
            <h2 id="findings-heading">{t('review.page.findings', { count: view.findings.length })}</h2>
            {catalogTextUnverified(view.edition.id, i18n.language) && (
              <p className="usa-hint" data-testid="catalog-text-unverified">
                {t('worksheet.catalogText.unverified')}
              </p>
            )}
            {view.findings.length === 0 ? (
              <p>{t('review.page.noFindings')}</p>
            ) : (
              <>
                {!canDecide && open && returnAction?.reason && (
                  <p className="review-page__closed-note">
                    {t('review.page.cannotDecide', {
                      reason: translateMessage({ message: returnAction.reason, ...returnAction.reasonMessage }),
                    })}
                  </p>
                )}
                {view.findings.map((finding) => (
                  <FindingReviewCard
                    key={finding.id}
                    finding={finding}
                    requirements={requirementsOf.get(finding.criterionId) ?? []}
                    canDecide={canDecide}
                    markChanged={open}
                    responseDueDate={view.lifecycle.responseDueDate}
                    onSaved={load}
                  />
                ))}
              </>
            )}
          </section>
        </div>
        <aside className="review-page__side" aria-label={t('review.page.side')}>
          {/* The steps come first: a finished sync shortens the history (its "Not at HQ yet" lines go), and
              anything above the buttons would move them under the reviewer's pointer. */}
          <ValidationActions view={view} canDecide={canDecide} onChanged={load} />
          <LifecyclePanel lifecycle={view.lifecycle} />
          <p className="review-page__count">
            {t('review.labels.criteria', { count: view.criteria.length })} ·{' '}
            {t('review.page.evidenceFiles', { count: view.evidence.length })}
          </p>
        </aside>
        <div className="review-page__record">
          <WholeValidation view={view} categoryNames={categoryNames} markChanged={open} />
        </div>
      </div>
    </div>
  );
}
