import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { RequestOf, ValidationWorkItem } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { routeHref } from '../../state/route';
import { useSyncStore } from '../../state/sync-store';
import { WorkflowStateTag } from '../lifecycle/LifecyclePanel';
import { entityTypeLabel, formatMoment, modeLabel, plural, QUEUE_LABELS, type Queue } from './review-format';

type ListKind = 'REVIEW' | 'APPROVAL';
type Sort = NonNullable<Extract<RequestOf<'worklists:get'>, { list: ListKind }>['sort']>;

const LIST_QUEUES: Record<ListKind, Queue[]> = {
  REVIEW: ['AWAITING_REVIEW', 'RESUBMITTED', 'RETURNED'],
  APPROVAL: ['AWAITING_APPROVAL', 'AWAITING_REPORT'],
};

const SORTS: { value: string; label: string; sort: Sort }[] = [
  { value: 'submitted-asc', label: 'Waiting longest first', sort: { by: 'submittedAt', direction: 'asc' } },
  { value: 'submitted-desc', label: 'Submitted most recently first', sort: { by: 'submittedAt', direction: 'desc' } },
  { value: 'member-asc', label: 'Member name, A to Z', sort: { by: 'memberName', direction: 'asc' } },
  { value: 'member-desc', label: 'Member name, Z to A', sort: { by: 'memberName', direction: 'desc' } },
  { value: 'scheduled-desc', label: 'Validation date, newest first', sort: { by: 'scheduledDate', direction: 'desc' } },
  { value: 'scheduled-asc', label: 'Validation date, oldest first', sort: { by: 'scheduledDate', direction: 'asc' } },
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
  return (
    <span className={`usa-tag queue-tag queue-tag--${queue.toLowerCase().replace(/_/g, '-')}`} data-testid="queue">
      {QUEUE_LABELS[queue]}
    </span>
  );
}

function WorkRow({ item }: { item: ValidationWorkItem }) {
  const allConcurred = item.findingCount > 0 && item.concurredCount === item.findingCount;
  return (
    <tr data-testid="work-item" data-validation-id={item.validationId}>
      <th scope="row" className="review-list__member">
        <a
          className="usa-link review-list__member-link"
          href={routeHref({ name: 'review', validationId: item.validationId })}
        >
          {item.memberName ?? 'Member not on this computer'}
        </a>
        <span className="review-list__sub">
          {item.memberAccountNumber ?? 'No account number'}
          {item.signedByName && ` · signed by ${item.signedByName}`}
        </span>
      </th>
      <td>
        {entityTypeLabel(item.entityType)}
        <span className="review-list__sub">
          {modeLabel(item.mode)} · {item.scheduledDate ? formatDate(item.scheduledDate) : 'no date'}
        </span>
      </td>
      <td className="review-list__nowrap">
        {item.submittedAt ? <time dateTime={item.submittedAt}>{formatMoment(item.submittedAt)}</time> : '—'}
      </td>
      <td>
        <span className="review-list__tags">
          <QueueTag queue={item.queue} />
          {item.queue !== 'RETURNED' && <WorkflowStateTag state={item.state} />}
        </span>
      </td>
      <td data-testid="work-item-findings">
        {item.findingCount === 0 ? (
          'No findings'
        ) : (
          <>
            <span className={allConcurred ? 'review-list__done' : undefined}>
              {item.concurredCount} of {item.findingCount} concurred
            </span>
            {item.undecidedCount > 0 && item.queue !== 'RETURNED' && (
              <span className="review-list__sub">{item.undecidedCount} without a decision</span>
            )}
          </>
        )}
      </td>
      <td data-testid="work-item-changes">
        {item.changedSinceLastReview === null ? (
          <span className="review-list__none">
            <span aria-hidden="true">—</span>
            <span className="usa-sr-only">Not resubmitted</span>
          </span>
        ) : item.changedSinceLastReview === 0 ? (
          'Nothing changed'
        ) : (
          <strong>{plural(item.changedSinceLastReview, 'change')}</strong>
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
  const role = useSyncStore((s) => s.status?.userRole ?? null);
  const enrolled = useSyncStore((s) => s.status?.enrolled ?? false);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const supervisor = role === 'SUPERVISOR';
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
  const title = supervisor ? 'Reviews and approvals' : 'Reviews';

  return (
    <div className="grid-container-widescreen screen review-list">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="review-list__intro">
        Validations of your field office that SCSSs submitted, as HQ last sent them. Open one to record a decision on
        each finding{supervisor ? ', approve it once every finding is concurred, and issue its report' : ''}. Your
        decisions go to HQ with the next sync.
      </p>

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
                {kind === 'REVIEW' ? 'To review' : 'To approve'}
              </button>
            </div>
          ))}
        </div>
      )}

      <search className="review-list__filters" aria-label="Filter and sort the list">
        <div className="review-list__search">
          <label className="usa-label" htmlFor={`${id}-search`}>
            Search
          </label>
          <span className="usa-hint" id={`${id}-search-hint`}>
            Member, account number or signer
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
          <legend className="usa-legend">Show</legend>
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
                {QUEUE_LABELS[queue]}
              </label>
            </div>
          ))}
        </fieldset>
        <div>
          <label className="usa-label" htmlFor={`${id}-sort`}>
            Sort by
          </label>
          <select id={`${id}-sort`} className="usa-select" value={sort} onChange={(e) => setSort(e.target.value)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </search>

      {error && <Alert type="error">{error}</Alert>}
      <p className="review-list__count" aria-live="polite" data-testid="work-count">
        {items === null
          ? 'Loading…'
          : `${plural(items.length, 'validation')} ${shownList === 'REVIEW' ? 'to review' : 'to approve or issue'}${filtered ? ` ${items.length === 1 ? 'matches' : 'match'} your filters` : ''}`}
      </p>

      {items !== null && items.length === 0 && (
        <div className="review-list__empty" data-testid="work-list-empty">
          {filtered ? (
            <p>
              Nothing matches. Clear the search or tick more boxes under &ldquo;Show&rdquo;, or sync to receive what HQ
              has received since.
            </p>
          ) : !enrolled ? (
            <p>
              This computer is not enrolled with HQ. Enrol it under{' '}
              <a className="usa-link" href={routeHref({ name: 'settings' })}>
                Settings
              </a>
              , then press Sync to receive the validations of your field office.
            </p>
          ) : (
            <p>
              Nothing {shownList === 'REVIEW' ? 'to review' : 'waiting for approval'} on this computer. Press{' '}
              <strong>Sync</strong> to receive the validations HQ holds for your field office.
            </p>
          )}
        </div>
      )}

      {items !== null && items.length > 0 && (
        <div className="usa-table-container--scrollable review-list__table-wrap">
          <table className="usa-table usa-table--compact review-list__table" data-testid="work-list">
            <caption className="usa-sr-only">
              {shownList === 'REVIEW' ? 'Validations to review' : 'Validations to approve or issue'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Member and account</th>
                <th scope="col">Entity type and mode</th>
                <th scope="col">Submitted</th>
                <th scope="col">Where it is</th>
                <th scope="col">Findings</th>
                <th scope="col">Changed since your last review</th>
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
