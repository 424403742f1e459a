import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/domain/validation';
import type { ValidationListItem } from '../../../../shared/ipc/contract';
import { formatLocalDate } from '../../components/format';
import { ScrollableTable } from '../../components/ScrollableTable';
import { useDomainLabels } from '../../i18n/domain-labels';
import { routeHref } from '../../state/route';
import { FIRST_DIRECTION, type MemberSortKey, type MembersView, memberPlace } from './member-search';
import { ValidationRow } from './ValidationRow';
import './members.css';

/** Rows rendered at a time: a page of 50 stays instant to filter and scroll with 500 Members on the laptop. */
export const MEMBERS_PAGE_SIZE = 50;

type MemberTableProps = {
  /** The Members to list, already searched, filtered and sorted. */
  members: readonly Member[];
  totalMembers: number;
  validationsOf: (memberId: string) => readonly ValidationListItem[];
  lastActivity: ReadonlyMap<string, string>;
  overdueIds: ReadonlySet<string>;
  view: MembersView;
  onViewChange: (view: MembersView) => void;
};

function SortableHeader({
  label,
  sortKey,
  view,
  onViewChange,
}: { label: string; sortKey: MemberSortKey } & Pick<MemberTableProps, 'view' | 'onViewChange'>) {
  const active = view.sort === sortKey;
  const { t } = useTranslation();
  const next = active ? (view.direction === 'ascending' ? 'descending' : 'ascending') : FIRST_DIRECTION[sortKey];
  return (
    // Only the sorted column carries aria-sort (WAI-ARIA: one sorted header at a time).
    <th scope="col" aria-sort={active ? view.direction : undefined} className="members-table__sortable">
      <button
        type="button"
        className="usa-button usa-button--unstyled members-table__sort"
        title={t('members.table.sortBy', {
          column: label.toLocaleLowerCase(),
          direction: next === 'ascending' ? t('members.table.ascending') : t('members.table.descending'),
        })}
        onClick={() => onViewChange({ ...view, sort: sortKey, direction: next })}
      >
        {label}
        <span aria-hidden="true" className="members-table__sort-arrow">
          {active ? (view.direction === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}
        </span>
      </button>
    </th>
  );
}

/** The Members as a table: one row per company, its validations in the row, shown a page at a time. */
export function MemberTable(props: MemberTableProps) {
  const { members, totalMembers, view, onViewChange } = props;
  const { t } = useTranslation();
  // The page count belongs to one search and sort; a new one starts again at the first page.
  const viewKey = `${view.search}|${view.sort}|${view.direction}`;
  const [paging, setPaging] = useState({ viewKey, limit: MEMBERS_PAGE_SIZE });
  const limit = paging.viewKey === viewKey ? paging.limit : MEMBERS_PAGE_SIZE;
  const shown = members.slice(0, limit);
  const narrowed = members.length < totalMembers;
  const remaining = members.length - shown.length;

  const showMore = () => {
    setPaging({ viewKey, limit: limit + MEMBERS_PAGE_SIZE });
    // Keyboard users land on the first row they have not seen yet, not at the top of the page.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-member-index="${limit}"] th`)?.focus({ preventScroll: false }),
    );
  };

  return (
    <section className="members-table-section" aria-label={t('members.table.label')}>
      <p className="members-table__count" role="status" data-testid="members-count">
        {t('members.table.showing', { shown: shown.length, total: totalMembers })}
        {narrowed && members.length > shown.length ? t('members.table.matching', { count: members.length }) : ''}
      </p>
      {members.length === 0 ? (
        <p className="members-table__empty">
          {view.search
            ? t('members.table.noMatchSearch', { search: view.search.trim() })
            : t('members.table.noMatchFilters')}{' '}
          {view.search && (
            <button
              type="button"
              className="usa-button usa-button--unstyled"
              onClick={() => onViewChange({ ...view, search: '' })}
            >
              {t('members.table.clearSearch')}
            </button>
          )}
        </p>
      ) : (
        <ScrollableTable label={t('members.table.tableLabel')} className="members-table-scroll">
          <table className="usa-table usa-table--borderless members-table">
            <thead>
              <tr>
                <SortableHeader
                  label={t('members.table.member')}
                  sortKey="name"
                  view={view}
                  onViewChange={onViewChange}
                />
                <SortableHeader
                  label={t('members.table.account')}
                  sortKey="account"
                  view={view}
                  onViewChange={onViewChange}
                />
                <th scope="col">{t('members.table.entityAndPlace')}</th>
                <th scope="col">{t('members.table.validations')}</th>
                <SortableHeader
                  label={t('members.table.lastActivity')}
                  sortKey="activity"
                  view={view}
                  onViewChange={onViewChange}
                />
                <th scope="col">
                  <span className="usa-sr-only">{t('members.table.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((member, index) => (
                <MemberRow key={member.id} member={member} index={index} {...props} />
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {remaining > 0 && (
        <button type="button" className="usa-button usa-button--outline members-table__more" onClick={showMore}>
          {t('members.table.showMore', { count: Math.min(remaining, MEMBERS_PAGE_SIZE) })}
        </button>
      )}
    </section>
  );
}

function MemberRow({
  member,
  index,
  validationsOf,
  lastActivity,
  overdueIds,
}: { member: Member; index: number } & MemberTableProps) {
  const own = validationsOf(member.id);
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const latest = lastActivity.get(member.id);
  return (
    <tr data-testid="member-row" data-member-index={index}>
      <th scope="row" className="members-table__name" tabIndex={-1}>
        <a className="usa-link" href={routeHref({ name: 'member', memberId: member.id })}>
          {member.legalName}
        </a>
      </th>
      <td className="members-table__account">{member.accountNumber}</td>
      <td>
        {labels.entityType(member.entityType)}
        {memberPlace(member) && <span className="members-table__place">{memberPlace(member)}</span>}
      </td>
      <td className="members-table__validations">
        {own.length === 0 ? (
          <span className="members-table__none">{t('members.table.noValidations')}</span>
        ) : (
          <ul
            className="usa-list usa-list--unstyled validation-list"
            aria-label={t('members.table.validationsOf', { member: member.legalName })}
          >
            {own.map((v) => (
              <ValidationRow key={v.id} validation={v} overdue={overdueIds.has(v.id)} />
            ))}
          </ul>
        )}
      </td>
      <td className="members-table__activity">
        {latest ? (
          formatLocalDate(latest)
        ) : (
          <span className="members-table__none">{t('members.table.noActivity')}</span>
        )}
      </td>
      <td>
        <a
          className="usa-button usa-button--outline members-table__start"
          href={routeHref({ name: 'new-validation', memberId: member.id })}
        >
          {t('members.table.startValidation')}
          <span className="usa-sr-only">{t('members.table.startValidationFor', { member: member.legalName })}</span>
        </a>
      </td>
    </tr>
  );
}
