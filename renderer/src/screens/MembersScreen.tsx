import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ValidationStatus, ValidationStatusSchema } from '../../../shared/domain/validation';
import type { ValidationListItem } from '../../../shared/ipc/contract';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { useDomainLabels } from '../i18n/domain-labels';
import { useMembersStore } from '../state/members-store';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { AssignmentsPanel } from './AssignmentsPanel';
import { MemberTable } from './members/MemberTable';
import { memberMatcher, sortMembers } from './members/member-search';
import { useMembersView } from './members/useMembersView';

/** Each Member's validations, and the latest change among them (what "Last activity" shows and sorts by). */
function groupByMember(validations: readonly ValidationListItem[]) {
  const byMember = new Map<string, ValidationListItem[]>();
  const lastActivity = new Map<string, string>();
  for (const v of validations) {
    const own = byMember.get(v.memberId);
    if (own) own.push(v);
    else byMember.set(v.memberId, [v]);
    const latest = lastActivity.get(v.memberId);
    if (latest === undefined || v.updatedAt > latest) lastActivity.set(v.memberId, v.updatedAt);
  }
  return { byMember, lastActivity };
}

export function MembersScreen() {
  const { members, validations, status, error, load, filters, setFilters } = useMembersStore();
  const [view, setView] = useMembersView();
  const { t } = useTranslation();
  const labels = useDomainLabels();
  // The search box answers each keystroke at once; the table follows as soon as the machine has time.
  const tableView = useDeferredValue(view);
  const filtering = Object.values(filters).some(Boolean);
  useEffect(() => {
    void load();
    void useSyncStore.getState().refresh();
  }, [load]);
  // The list rows do not say whether a Member's response is overdue; the responses work list does.
  const [overdueIds, setOverdueIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (validations.length === 0) return;
    let live = true;
    call('worklists:get', { list: 'RESPONSES', statuses: ['OVERDUE'] }).then(
      (answer) => live && setOverdueIds(new Set(answer.items.map((i) => i.validationId))),
      () => undefined, // the tag is a help, not the record: the worksheet says it too
    );
    return () => {
      live = false;
    };
  }, [validations]);

  const { byMember, lastActivity } = useMemo(() => groupByMember(validations), [validations]);
  const shownMembers = useMemo(() => {
    const matches = memberMatcher(tableView.search);
    const kept = members.filter((m) => matches(m) && (!filtering || byMember.has(m.id)));
    return sortMembers(kept, tableView, lastActivity);
  }, [members, tableView, filtering, byMember, lastActivity]);

  return (
    <div className="grid-container-widescreen screen members-screen">
      <div className="screen__heading-row">
        <h1 tabIndex={-1}>{t('members.title')}</h1>
        <a className="usa-button" href={routeHref({ name: 'new-validation' })}>
          {t('members.start')}
        </a>
      </div>
      <p className="usa-intro">{t('members.intro')}</p>
      <AssignmentsPanel />
      {status === 'error' && (
        <Alert type="error" heading={t('members.loadFailed')}>
          {error?.(t)}
        </Alert>
      )}
      {status === 'loading' && members.length === 0 && <p aria-live="polite">{t('members.loading')}</p>}
      {status === 'ready' && members.length === 0 && <Alert type="info">{t('members.none')}</Alert>}
      <form className="usa-form members-filter" aria-label={t('members.find')} onSubmit={(e) => e.preventDefault()}>
        <div className="members-filter__search">
          <label className="usa-label" htmlFor="member-search">
            {t('members.search')}
          </label>
          <span className="usa-hint" id="member-search-hint">
            {t('members.searchHint')}
          </span>
          <input
            className="usa-input"
            type="search"
            id="member-search"
            aria-describedby="member-search-hint"
            autoComplete="off"
            spellCheck={false}
            value={view.search}
            onChange={(e) => setView({ ...view, search: e.target.value })}
          />
        </div>
        <div>
          <label className="usa-label" htmlFor="filter-status">
            {t('members.status')}
          </label>
          <select
            className="usa-select"
            id="filter-status"
            value={filters.status ?? ''}
            onChange={(e) => {
              const { status: _old, ...rest } = filters;
              void setFilters(e.target.value ? { ...rest, status: e.target.value as ValidationStatus } : rest);
            }}
          >
            <option value="">{t('members.anyStatus')}</option>
            {ValidationStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {labels.status(s)}
              </option>
            ))}
          </select>
        </div>
        {(['scheduledFrom', 'scheduledTo'] as const).map((key) => (
          <div key={key}>
            <label className="usa-label" htmlFor={`filter-${key}`}>
              {key === 'scheduledFrom' ? t('members.scheduledFrom') : t('members.scheduledTo')}
            </label>
            <input
              className="usa-input"
              type="date"
              id={`filter-${key}`}
              value={filters[key] ?? ''}
              onChange={(e) => {
                const { [key]: _old, ...rest } = filters;
                void setFilters(e.target.value ? { ...rest, [key]: e.target.value } : rest);
              }}
            />
          </div>
        ))}
        {filtering && (
          <p className="members-filter__count" role="status">
            {t('members.matching', { count: validations.length })}{' '}
            <button type="button" className="usa-button usa-button--unstyled" onClick={() => void setFilters({})}>
              {t('members.clearFilters')}
            </button>
          </p>
        )}
      </form>
      {members.length > 0 && (
        <MemberTable
          members={shownMembers}
          totalMembers={members.length}
          validationsOf={(memberId) => byMember.get(memberId) ?? []}
          lastActivity={lastActivity}
          overdueIds={overdueIds}
          view={tableView}
          onViewChange={setView}
        />
      )}
    </div>
  );
}
