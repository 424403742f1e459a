import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf, ResponseWorkItem, ResponseWorkStatus } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { NoValue } from '../../components/NoValue';
import { routeHref } from '../../state/route';

type ResponsesRequest = Extract<RequestOf<'worklists:get'>, { list: 'RESPONSES' }>;
type SortBy = NonNullable<ResponsesRequest['sort']>['by'];
type Direction = NonNullable<ResponsesRequest['sort']>['direction'];

const STATUS_ORDER: ResponseWorkStatus[] = ['OVERDUE', 'DUE_SOON', 'AWAITING_ASSESSMENT', 'OPEN', 'RESOLVED'];
const DEFAULT_STATUSES: ResponseWorkStatus[] = ['OVERDUE', 'DUE_SOON', 'AWAITING_ASSESSMENT'];

/** The sort orders offered, each named by worksheetParts.responsesScreen.sort.<value>. */
const SORTS: Array<{ value: `${SortBy}-${Direction}`; by: SortBy; direction: Direction }> = [
  { value: 'dueDate-asc', by: 'dueDate', direction: 'asc' },
  { value: 'dueDate-desc', by: 'dueDate', direction: 'desc' },
  { value: 'memberName-asc', by: 'memberName', direction: 'asc' },
  { value: 'memberName-desc', by: 'memberName', direction: 'desc' },
  { value: 'receivedOn-desc', by: 'receivedOn', direction: 'desc' },
  { value: 'receivedOn-asc', by: 'receivedOn', direction: 'asc' },
];

const SHORT_DESCRIPTION = 90;
const shorten = (text: string) =>
  text.length <= SHORT_DESCRIPTION ? text : `${text.slice(0, SHORT_DESCRIPTION).replace(/\s+\S*$/, '')}…`;

function daysLeftText(t: TFunction, days: number): string {
  if (days < 0) return t('worksheetParts.responsesScreen.overdue', { count: -days });
  if (days === 0) return t('worksheetParts.responsesScreen.dueToday');
  return t('worksheetParts.common.daysLeft', { count: days });
}

function latestText(t: TFunction, latest: ResponseWorkItem['latestResponse']): string {
  if (!latest) return t('worksheetParts.responsesScreen.noneYet');
  const assessed = latest.assessment
    ? t(`worksheetParts.common.assessment.${latest.assessment}`)
    : t('worksheetParts.responsesScreen.notAssessed');
  return `${formatDate(latest.receivedOn)} · ${assessed}`;
}

/**
 * The Member responses work list: each Action Required finding of a validation whose report is out, with its
 * due date and where it stands, and each Recommendation the Member answered (optional, never due). Filtered
 * by status (overdue, due within 14 days, awaiting assessment by default), searched by Member, account or
 * criterion, sorted; the SCSS's own rows open the worksheet's Member responses page.
 */
export function ResponsesScreen() {
  const { t } = useTranslation();
  const id = useId();
  const [statuses, setStatuses] = useState<ResponseWorkStatus[]>(DEFAULT_STATUSES);
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<string>(SORTS[0]?.value ?? 'dueDate-asc');
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
      <h1 tabIndex={-1}>{t('worksheetParts.common.memberResponses')}</h1>
      <p className="responses-screen__intro">{t('worksheetParts.responsesScreen.intro')}</p>
      <form
        className="usa-form responses-filter"
        aria-label={t('worksheetParts.responsesScreen.filter')}
        onSubmit={(e) => e.preventDefault()}
      >
        <fieldset className="usa-fieldset responses-filter__statuses">
          <legend className="usa-legend responses-filter__legend">{t('worksheetParts.responsesScreen.show')}</legend>
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
                {t(`worksheetParts.responsesScreen.status.${status}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="responses-filter__fields">
          <div>
            <label className="usa-label" htmlFor={`${id}-search`}>
              {t('worksheetParts.responsesScreen.search')}
            </label>
            <div className="usa-hint" id={`${id}-search-hint`}>
              {t('worksheetParts.responsesScreen.searchHint')}
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
              {t('worksheetParts.responsesScreen.sortBy')}
            </label>
            <select className="usa-select" id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value)}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {t(`worksheetParts.responsesScreen.sort.${s.value}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>

      {error && (
        <Alert type="error" heading={t('worksheetParts.common.loadFailed')}>
          {error}
        </Alert>
      )}
      <p className="responses-screen__count" role="status" data-testid="responses-count">
        {items === null ? (
          t('worksheetParts.responsesScreen.loading')
        ) : (
          <>
            {t('worksheetParts.responsesScreen.count', { count: items.length })}
            {statuses.length === 0 && t('worksheetParts.responsesScreen.chooseStatus')}
            {today && t('worksheetParts.responsesScreen.today', { date: formatDate(today) })}
          </>
        )}
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
              {t('worksheetParts.responsesScreen.backToDefault')}
            </button>
          </>
        )}
      </p>
      {items !== null && items.length > 0 && (
        <div className="usa-table-container--scrollable responses-table-container">
          <table className="usa-table usa-table--striped responses-table" data-testid="responses-table">
            <caption className="usa-sr-only">{t('worksheetParts.responsesScreen.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort('memberName')}>
                  {t('worksheetParts.responsesScreen.member')}
                </th>
                <th scope="col">{t('worksheetParts.responsesScreen.criterion')}</th>
                <th scope="col">{t('worksheetParts.responsesScreen.finding')}</th>
                <th scope="col" aria-sort={ariaSort('dueDate')}>
                  {t('worksheetParts.responsesScreen.due')}
                </th>
                <th scope="col">{t('worksheetParts.responsesScreen.daysLeft')}</th>
                <th scope="col">{t('worksheetParts.responsesScreen.statusColumn')}</th>
                <th scope="col" aria-sort={ariaSort('receivedOn')}>
                  {t('worksheetParts.responsesScreen.latest')}
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
                        {item.memberName ?? t('worksheetParts.responsesScreen.unnamed')}
                      </a>
                    ) : (
                      (item.memberName ?? t('worksheetParts.responsesScreen.unnamed'))
                    )}
                    {item.memberAccountNumber && (
                      <span className="responses-table__account">{item.memberAccountNumber}</span>
                    )}
                    {!item.own && (
                      <span className="responses-table__account">{t('worksheetParts.responsesScreen.otherScss')}</span>
                    )}
                  </th>
                  <td className="responses-table__criterion">{item.criterionId}</td>
                  <td className="responses-table__finding" title={item.description}>
                    {item.classification === 'RECOMMENDATION' && (
                      <>
                        <span className="usa-tag classification-tag classification-tag--rec">
                          {t('domain.classification.RECOMMENDATION')}
                        </span>{' '}
                      </>
                    )}
                    {shorten(item.description) || t('worksheetParts.responsesScreen.noDescription')}
                  </td>
                  <td className="responses-table__date">
                    {item.dueDate ? formatDate(item.dueDate) : t('worksheetParts.common.optional')}
                  </td>
                  <td
                    className={`responses-table__days${item.daysLeft !== null && item.daysLeft < 0 ? ' responses-table__days--overdue' : ''}`}
                  >
                    {item.status === 'RESOLVED' || item.daysLeft === null ? (
                      <NoValue />
                    ) : (
                      daysLeftText(t, item.daysLeft)
                    )}
                  </td>
                  <td>
                    <span className={`usa-tag work-status-tag work-status-tag--${item.status.toLowerCase()}`}>
                      {t(`worksheetParts.responsesScreen.status.${item.status}`)}
                    </span>
                  </td>
                  <td className="responses-table__latest">{latestText(t, item.latestResponse)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items !== null && items.length === 0 && statuses.length > 0 && (
        // Left out by the statuses chosen is not the same as none at all: say which, and offer the rest.
        <p className="responses-screen__empty">
          {statuses.length < STATUS_ORDER.length ? (
            <>
              {t('worksheetParts.responsesScreen.emptyFiltered')}{' '}
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => setStatuses(STATUS_ORDER)}
              >
                {t('worksheetParts.responsesScreen.showAll')}
              </button>
            </>
          ) : (
            t('worksheetParts.responsesScreen.empty')
          )}
        </p>
      )}
    </div>
  );
}
