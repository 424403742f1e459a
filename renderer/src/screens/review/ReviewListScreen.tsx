import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../../shared/domain/entity-types';
import type { ValidationMode } from '../../../../shared/domain/validation';
import type { RequestOf, ValidationWorkItem } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate, formatDateTime } from '../../components/format';
import { NoValue } from '../../components/NoValue';
import { useDomainLabels } from '../../i18n/domain-labels';
import type { review as reviewText } from '../../i18n/locales/en/review';
import { knownPerson } from '../../state/known-person';
import { routeHref } from '../../state/route';
import { useSyncStore } from '../../state/sync-store';
import { WorkflowStateTag } from '../lifecycle/LifecyclePanel';
import type { Queue } from './review-format';

type ListKind = 'REVIEW' | 'APPROVAL';
type Sort = NonNullable<Extract<RequestOf<'worklists:get'>, { list: ListKind }>['sort']>;

const LIST_QUEUES: Record<ListKind, Queue[]> = {
  REVIEW: ['AWAITING_REVIEW', 'RESUBMITTED', 'RETURNED'],
  APPROVAL: ['AWAITING_APPROVAL', 'AWAITING_REPORT'],
};

/** Each sort's name is review.list.sort.<value>. */
const SORTS: { value: keyof typeof reviewText.list.sort; sort: Sort }[] = [
  { value: 'submitted-asc', sort: { by: 'submittedAt', direction: 'asc' } },
  { value: 'submitted-desc', sort: { by: 'submittedAt', direction: 'desc' } },
  { value: 'member-asc', sort: { by: 'memberName', direction: 'asc' } },
  { value: 'member-desc', sort: { by: 'memberName', direction: 'desc' } },
  { value: 'scheduled-desc', sort: { by: 'scheduledDate', direction: 'desc' } },
  { value: 'scheduled-asc', sort: { by: 'scheduledDate', direction: 'asc' } },
];

/** The choices survive opening a validation and coming back (this window's session only). */
const STORAGE_KEY = 'ctpat.reviewList';
type Saved = { list: ListKind; search: string; sort: string; queues: Partial<Record<ListKind, Queue[]>> };
function loadSaved(): Saved {
  const fallback: Saved = { list: 'REVIEW', search: '', sort: SORTS[0]?.value ?? '', queues: {} };
  try {
    return { ...fallback, ...(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Saved>) };
  } catch {
    return fallback;
  }
}

function QueueTag({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  return (
    <span className={`usa-tag queue-tag queue-tag--${queue.toLowerCase().replace(/_/g, '-')}`} data-testid="queue">
      {t(`review.labels.queue.${queue}`)}
    </span>
  );
}

function WorkRow({ item }: { item: ValidationWorkItem }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const allConcurred = item.findingCount > 0 && item.concurredCount === item.findingCount;
  return (
    <tr data-testid="work-item" data-validation-id={item.validationId}>
      <th scope="row" className="review-list__member">
        <a
          className="usa-link review-list__member-link"
          href={routeHref({ name: 'review', validationId: item.validationId })}
        >
          {item.memberName ?? t('review.labels.memberMissing')}
        </a>
        <span className="review-list__sub">
          {item.memberAccountNumber ?? t('review.list.row.noAccount')}
          {item.signedByName && t('review.list.row.signedBy', { name: item.signedByName })}
        </span>
      </th>
      <td>
        {labels.entityType(item.entityType as EntityType)}
        <span className="review-list__sub">
          {labels.mode(item.mode as ValidationMode)} ·{' '}
          {item.scheduledDate ? formatDate(item.scheduledDate) : t('review.list.row.noDate')}
        </span>
      </td>
      <td className="review-list__nowrap">
        {item.submittedAt ? <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time> : <NoValue />}
      </td>
      <td>
        <span className="review-list__tags">
          <QueueTag queue={item.queue} />
          {item.queue !== 'RETURNED' && <WorkflowStateTag state={item.state} />}
        </span>
      </td>
      <td data-testid="work-item-findings">
        {item.findingCount === 0 ? (
          t('review.list.row.noFindings')
        ) : (
          <>
            <span className={allConcurred ? 'review-list__done' : undefined}>
              {t('review.list.row.concurred', { concurred: item.concurredCount, total: item.findingCount })}
            </span>
            {item.undecidedCount > 0 && item.queue !== 'RETURNED' && (
              <span className="review-list__sub">{t('review.list.row.undecided', { count: item.undecidedCount })}</span>
            )}
          </>
        )}
      </td>
      <td data-testid="work-item-changes">
        {item.changedSinceLastReview === null ? (
          <span className="review-list__none">
            <span aria-hidden="true">—</span>
            <span className="usa-sr-only">{t('review.list.row.notResubmitted')}</span>
          </span>
        ) : item.changedSinceLastReview === 0 ? (
          t('review.list.row.nothingChanged')
        ) : (
          <strong>{t('review.list.row.changes', { count: item.changedSinceLastReview })}</strong>
        )}
      </td>
    </tr>
  );
}

/**
 * The reviewer's queue (awaiting review, resubmitted, returned) and, for supervisors, the approval queue
 * (every finding concurred, or approved and waiting for the report): searchable, filterable and sortable.
 */
export function ReviewListScreen() {
  const role = useSyncStore((s) => knownPerson(s.status).role);
  const enrolled = useSyncStore((s) => s.status?.enrolled ?? false);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const supervisor = role === 'SUPERVISOR';
  const { t } = useTranslation();
  const [saved] = useState(loadSaved);
  const [list, setList] = useState<ListKind>(saved.list);
  const [search, setSearch] = useState(saved.search);
  const [query, setQuery] = useState(saved.search.trim());
  const [sort, setSort] = useState(saved.sort);
  const [queuesByList, setQueuesByList] = useState(saved.queues);
  const [items, setItems] = useState<ValidationWorkItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownList: ListKind = supervisor ? list : 'REVIEW';
  const queues = queuesByList[shownList] ?? LIST_QUEUES[shownList];
  const id = useId();
  const request = useRef(0);

  useEffect(() => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ list, search, sort, queues: queuesByList }));
  }, [list, search, sort, queuesByList]);

  // Typing in the search box asks again once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const load = useCallback(async () => {
    const mine = ++request.current;
    try {
      const answer = await call('worklists:get', {
        list: shownList,
        queues,
        ...(query ? { search: query } : {}),
        sort: (SORTS.find((s) => s.value === sort) ?? SORTS[0])?.sort,
      });
      if (mine !== request.current) return;
      setError(null);
      setItems(answer.list === 'RESPONSES' ? [] : answer.items);
    } catch (e) {
      if (mine === request.current) setError(errorMessage(e));
    }
  }, [shownList, queues, query, sort]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a finished sync may have pulled new validations
  useEffect(() => {
    void load();
  }, [load, lastSuccessAt]);

  const toggleQueue = (queue: Queue) => {
    const next = queues.includes(queue) ? queues.filter((q) => q !== queue) : [...queues, queue];
    setQueuesByList({ ...queuesByList, [shownList]: LIST_QUEUES[shownList].filter((q) => next.includes(q)) });
  };
  const filtered = query !== '' || queues.length < LIST_QUEUES[shownList].length;
  const title = supervisor ? t('review.list.titleSupervisor') : t('review.list.title');
  const countKey =
    shownList === 'REVIEW'
      ? filtered
        ? 'review.list.countReviewFiltered'
        : 'review.list.countReview'
      : filtered
        ? 'review.list.countApproveFiltered'
        : 'review.list.countApprove';

  return (
    <div className="grid-container-widescreen screen review-list">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="review-list__intro">{supervisor ? t('review.list.introSupervisor') : t('review.list.intro')}</p>

      {supervisor && (
        <div className="usa-button-group usa-button-group--segmented review-list__lists">
          {(['REVIEW', 'APPROVAL'] as const).map((kind) => (
            <div className="usa-button-group__item" key={kind}>
              <button
                type="button"
                className={`usa-button${list === kind ? '' : ' usa-button--outline'}`}
                aria-pressed={list === kind}
                onClick={() => {
                  // The list on screen stays: only another list is loaded afresh.
                  if (kind === list) return;
                  setItems(null);
                  setList(kind);
                }}
              >
                {kind === 'REVIEW' ? t('review.list.toReview') : t('review.list.toApprove')}
              </button>
            </div>
          ))}
        </div>
      )}

      <search className="review-list__filters" aria-label={t('review.list.filters')}>
        <div className="review-list__search">
          <label className="usa-label" htmlFor={`${id}-search`}>
            {t('review.list.search')}
          </label>
          <span className="usa-hint" id={`${id}-search-hint`}>
            {t('review.list.searchHint')}
          </span>
          <input
            id={`${id}-search`}
            className="usa-input"
            type="search"
            value={search}
            aria-describedby={`${id}-search-hint`}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <fieldset className="usa-fieldset review-list__queues">
          <legend className="usa-legend">{t('review.list.show')}</legend>
          {LIST_QUEUES[shownList].map((queue) => (
            <div className="usa-checkbox" key={queue}>
              <input
                className="usa-checkbox__input"
                id={`${id}-${queue}`}
                type="checkbox"
                checked={queues.includes(queue)}
                onChange={() => toggleQueue(queue)}
              />
              <label className="usa-checkbox__label" htmlFor={`${id}-${queue}`}>
                {t(`review.labels.queue.${queue}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div>
          <label className="usa-label" htmlFor={`${id}-sort`}>
            {t('review.list.sortBy')}
          </label>
          <select id={`${id}-sort`} className="usa-select" value={sort} onChange={(e) => setSort(e.target.value)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {t(`review.list.sort.${s.value}`)}
              </option>
            ))}
          </select>
        </div>
      </search>

      {error && <Alert type="error">{error}</Alert>}
      <p className="review-list__count" aria-live="polite" data-testid="work-count">
        {items === null ? t('review.list.loading') : t(countKey, { count: items.length })}
      </p>

      {items !== null && items.length === 0 && (
        <div className="review-list__empty" data-testid="work-list-empty">
          {filtered ? (
            <p>{t('review.list.nothingMatches')}</p>
          ) : !enrolled ? (
            <p>
              {t('review.list.notEnrolledBefore')}{' '}
              <a className="usa-link" href={routeHref({ name: 'settings' })}>
                {t('review.list.notEnrolledLink')}
              </a>
              {t('review.list.notEnrolledAfter')}
            </p>
          ) : (
            <p>
              {shownList === 'REVIEW' ? t('review.list.nothingToReview') : t('review.list.nothingToApprove')}{' '}
              <strong>{t('review.list.nothingSync')}</strong>
              {t('review.list.nothingAfter')}
            </p>
          )}
        </div>
      )}

      {items !== null && items.length > 0 && (
        <div className="usa-table-container--scrollable review-list__table-wrap">
          <table className="usa-table usa-table--compact review-list__table" data-testid="work-list">
            <caption className="usa-sr-only">
              {shownList === 'REVIEW' ? t('review.list.captionReview') : t('review.list.captionApprove')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('review.list.column.member')}</th>
                <th scope="col">{t('review.list.column.entity')}</th>
                <th scope="col">{t('review.list.column.submitted')}</th>
                <th scope="col">{t('review.list.column.where')}</th>
                <th scope="col">{t('review.list.column.findings')}</th>
                <th scope="col">{t('review.list.column.changed')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <WorkRow key={item.validationId} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
