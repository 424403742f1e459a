import { useEffect, useId, useState } from 'react';
import { RESPONSE_ASSESSMENT_LABELS } from '../../../../shared/domain/lifecycle';
import type { RequestOf, ResponseWorkItem, ResponseWorkStatus } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { routeHref } from '../../state/route';

type ResponsesRequest = Extract<RequestOf<'worklists:get'>, { list: 'RESPONSES' }>;
type SortBy = NonNullable<ResponsesRequest['sort']>['by'];
type Direction = NonNullable<ResponsesRequest['sort']>['direction'];

const RESPONSE_STATUS_LABELS: Record<ResponseWorkStatus, string> = {
  OVERDUE: 'Overdue',
  DUE_SOON: 'Due within 14 days',
  AWAITING_ASSESSMENT: 'Received, awaiting assessment',
  OPEN: 'Open',
  RESOLVED: 'Resolved',
};
const STATUS_ORDER: ResponseWorkStatus[] = ['OVERDUE', 'DUE_SOON', 'AWAITING_ASSESSMENT', 'OPEN', 'RESOLVED'];
const DEFAULT_STATUSES: ResponseWorkStatus[] = ['OVERDUE', 'DUE_SOON', 'AWAITING_ASSESSMENT'];

const SORTS: Array<{ value: string; by: SortBy; direction: Direction; label: string }> = [
  { value: 'dueDate-asc', by: 'dueDate', direction: 'asc', label: 'Due date, soonest first' },
  { value: 'dueDate-desc', by: 'dueDate', direction: 'desc', label: 'Due date, latest first' },
  { value: 'memberName-asc', by: 'memberName', direction: 'asc', label: 'Member, A to Z' },
  { value: 'memberName-desc', by: 'memberName', direction: 'desc', label: 'Member, Z to A' },
  { value: 'receivedOn-desc', by: 'receivedOn', direction: 'desc', label: 'Latest response, newest first' },
  { value: 'receivedOn-asc', by: 'receivedOn', direction: 'asc', label: 'Latest response, oldest first' },
];

const SHORT_DESCRIPTION = 90;
const shorten = (text: string) =>
  text.length <= SHORT_DESCRIPTION ? text : `${text.slice(0, SHORT_DESCRIPTION).replace(/\s+\S*$/, '')}…`;

function daysLeftText(days: number): string {
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  if (days === 0) return 'Due today';
  return `${days} day${days === 1 ? '' : 's'} left`;
}

function latestText(latest: ResponseWorkItem['latestResponse']): string {
  if (!latest) return 'None yet';
  const assessed = latest.assessment ? RESPONSE_ASSESSMENT_LABELS[latest.assessment] : 'Not assessed';
  return `${formatDate(latest.receivedOn)} · ${assessed}`;
}

/**
 * The Member responses work list: each Action Required finding of a validation whose report is out, with its
 * due date and where it stands, and each Recommendation the Member answered (optional, never due). Filtered
 * by status (overdue, due within 14 days, awaiting assessment by default), searched by Member, account or
 * criterion, sorted; the SCSS's own rows open the worksheet's Member responses page.
 */
export function ResponsesScreen() {
  const id = useId();
  const [statuses, setStatuses] = useState<ResponseWorkStatus[]>(DEFAULT_STATUSES);
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState(SORTS[0]?.value ?? 'dueDate-asc');
  const [items, setItems] = useState<ResponseWorkItem[] | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The search applies as the SCSS pauses typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchInput.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchInput]);

  useEffect(() => {
    if (statuses.length === 0) {
      setItems([]);
      return;
    }
    let live = true;
    const chosen = SORTS.find((s) => s.value === sort) ?? SORTS[0];
    const request: ResponsesRequest = {
      list: 'RESPONSES',
      statuses,
      ...(search ? { search } : {}),
      ...(chosen ? { sort: { by: chosen.by, direction: chosen.direction } } : {}),
    };
    call('worklists:get', request).then(
      (answer) => {
        if (!live || answer.list !== 'RESPONSES') return;
        setItems(answer.items);
        setToday(answer.today);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [statuses, search, sort]);

  const toggle = (status: ResponseWorkStatus) =>
    setStatuses((list) =>
      list.includes(status)
        ? list.filter((s) => s !== status)
        : STATUS_ORDER.filter((s) => s === status || list.includes(s)),
    );
  const sortedBy = (SORTS.find((s) => s.value === sort) ?? SORTS[0])?.by;
  const ariaSort = (column: SortBy) =>
    sortedBy === column ? (sort.endsWith('asc') ? ('ascending' as const) : ('descending' as const)) : undefined;
  const filtered =
    statuses.length !== DEFAULT_STATUSES.length || !DEFAULT_STATUSES.every((s) => statuses.includes(s)) || search;

  return (
    <div className="grid-container-widescreen screen responses-screen">
      <h1 tabIndex={-1}>Member responses</h1>
      <p className="responses-screen__intro">
        Action Required findings of validations whose report is issued: what is overdue, what falls due within 14 days,
        and responses received and waiting for your assessment. Recommendations the Member answered are listed too; they
        have no due date and do not block closure.
      </p>
      <form
        className="usa-form responses-filter"
        aria-label="Filter and sort Member responses"
        onSubmit={(e) => e.preventDefault()}
      >
        <fieldset className="usa-fieldset responses-filter__statuses">
          <legend className="usa-legend responses-filter__legend">Show findings that are</legend>
          {STATUS_ORDER.map((status) => (
            <div className="usa-checkbox" key={status}>
              <input
                className="usa-checkbox__input"
                type="checkbox"
                id={`${id}-${status}`}
                checked={statuses.includes(status)}
                onChange={() => toggle(status)}
              />
              <label className="usa-checkbox__label" htmlFor={`${id}-${status}`}>
                {RESPONSE_STATUS_LABELS[status]}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="responses-filter__fields">
          <div>
            <label className="usa-label" htmlFor={`${id}-search`}>
              Search
            </label>
            <div className="usa-hint" id={`${id}-search-hint`}>
              Member name, account number or criterion
            </div>
            <input
              className="usa-input"
              type="search"
              id={`${id}-search`}
              aria-describedby={`${id}-search-hint`}
              value={searchInput}
              onChange={(e) => setSearchInput(e.target.value)}
            />
          </div>
          <div>
            <label className="usa-label" htmlFor={`${id}-sort`}>
              Sort by
            </label>
            <select className="usa-select" id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value)}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>

      {error && (
        <Alert type="error" heading="The Member responses could not be loaded">
          {error}
        </Alert>
      )}
      <p className="responses-screen__count" role="status" data-testid="responses-count">
        {items === null
          ? 'Loading…'
          : `${items.length} finding${items.length === 1 ? '' : 's'}${statuses.length === 0 ? ': choose at least one status to show' : ''}${today ? ` · today is ${formatDate(today)}` : ''}`}
        {filtered && items !== null && (
          <>
            {' '}
            <button
              type="button"
              className="usa-button usa-button--unstyled"
              onClick={() => {
                setStatuses(DEFAULT_STATUSES);
                setSearchInput('');
                setSearch('');
              }}
            >
              Back to the default view
            </button>
          </>
        )}
      </p>
      {items !== null && items.length > 0 && (
        <div className="usa-table-container--scrollable responses-table-container">
          <table className="usa-table usa-table--striped responses-table" data-testid="responses-table">
            <caption className="usa-sr-only">Findings awaiting or answered by the Member</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort('memberName')}>
                  Member and account
                </th>
                <th scope="col">Criterion</th>
                <th scope="col">Finding</th>
                <th scope="col" aria-sort={ariaSort('dueDate')}>
                  Due
                </th>
                <th scope="col">Days left</th>
                <th scope="col">Status</th>
                <th scope="col" aria-sort={ariaSort('receivedOn')}>
                  Latest response
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.findingId} data-testid="response-row" data-status={item.status}>
                  <th scope="row" className="responses-table__member">
                    {item.own ? (
                      <a
                        className="usa-link"
                        href={routeHref({
                          name: 'worksheet',
                          validationId: item.validationId,
                          category: 1,
                          section: 'responses',
                        })}
                      >
                        {item.memberName ?? 'Unnamed Member'}
                      </a>
                    ) : (
                      (item.memberName ?? 'Unnamed Member')
                    )}
                    {item.memberAccountNumber && (
                      <span className="responses-table__account">{item.memberAccountNumber}</span>
                    )}
                    {!item.own && <span className="responses-table__account">Another SCSS’s validation</span>}
                  </th>
                  <td className="responses-table__criterion">{item.criterionId}</td>
                  <td className="responses-table__finding" title={item.description}>
                    {item.classification === 'RECOMMENDATION' && (
                      <>
                        <span className="usa-tag classification-tag classification-tag--rec">Recommendation</span>{' '}
                      </>
                    )}
                    {shorten(item.description) || 'No description'}
                  </td>
                  <td className="responses-table__date">
                    {item.dueDate ? formatDate(item.dueDate) : 'Optional: does not block closure'}
                  </td>
                  <td
                    className={`responses-table__days${item.daysLeft !== null && item.daysLeft < 0 ? ' responses-table__days--overdue' : ''}`}
                  >
                    {item.status === 'RESOLVED' || item.daysLeft === null ? '—' : daysLeftText(item.daysLeft)}
                  </td>
                  <td>
                    <span className={`usa-tag work-status-tag work-status-tag--${item.status.toLowerCase()}`}>
                      {RESPONSE_STATUS_LABELS[item.status]}
                    </span>
                  </td>
                  <td className="responses-table__latest">{latestText(item.latestResponse)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items !== null && items.length === 0 && statuses.length > 0 && (
        <p className="responses-screen__empty">
          No findings match. Validations appear here once their report is issued and the Member’s response is awaited.
        </p>
      )}
    </div>
  );
}
