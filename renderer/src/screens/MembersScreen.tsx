import { useEffect } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../shared/domain/entity-types';
import {
  VALIDATION_MODE_LABELS,
  VALIDATION_STATUS_LABELS,
  type ValidationStatus,
  ValidationStatusSchema,
  type ValidationSummary,
} from '../../../shared/domain/validation';
import { Alert } from '../components/Alert';
import { formatDate } from '../components/format';
import { ProgressMeter } from '../components/ProgressMeter';
import { SyncTag } from '../components/SyncTag';
import { useMembersStore } from '../state/members-store';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { AssignmentsPanel } from './AssignmentsPanel';

const STATUS_TAG_CLASS: Record<ValidationSummary['status'], string> = {
  DRAFT: 'status-tag status-tag--draft',
  IN_PROGRESS: 'status-tag status-tag--progress',
  SUBMITTED: 'status-tag status-tag--submitted',
};

function ValidationRow({ validation }: { validation: ValidationSummary }) {
  return (
    <li className="validation-row" data-testid="validation-row">
      <a
        className="usa-link validation-row__link"
        href={routeHref({ name: 'worksheet', validationId: validation.id, category: 1 })}
      >
        {ENTITY_TYPE_LABELS[validation.entityType]} validation · {VALIDATION_MODE_LABELS[validation.mode]} ·{' '}
        {formatDate(validation.scheduledDate)}
      </a>
      <span className="validation-row__tags">
        <span className={`usa-tag ${STATUS_TAG_CLASS[validation.status]}`}>
          {VALIDATION_STATUS_LABELS[validation.status]}
        </span>
        <SyncTag validationId={validation.id} />
      </span>
      <ProgressMeter
        answered={validation.answeredCount}
        total={validation.applicableCount}
        label={`Progress of the validation scheduled ${formatDate(validation.scheduledDate)}`}
      />
    </li>
  );
}

export function MembersScreen() {
  const { members, validations, status, error, load, filters, setFilters } = useMembersStore();
  const filtering = Object.values(filters).some(Boolean);
  const shownMembers = filtering ? members.filter((m) => validations.some((v) => v.memberId === m.id)) : members;
  useEffect(() => {
    void load();
    void useSyncStore.getState().refresh();
  }, [load]);

  return (
    <div className="grid-container screen">
      <div className="screen__heading-row">
        <h1 tabIndex={-1}>Members</h1>
        <a className="usa-button" href={routeHref({ name: 'new-validation' })}>
          Start a validation
        </a>
      </div>
      <p className="usa-intro">CTPAT Member companies on this computer and their validations.</p>
      <AssignmentsPanel />
      {status === 'error' && (
        <Alert type="error" heading="Members could not be loaded">
          {error}
        </Alert>
      )}
      {status === 'loading' && members.length === 0 && <p aria-live="polite">Loading Members…</p>}
      {status === 'ready' && members.length === 0 && (
        <Alert type="info">No Member companies yet. Assignments arrive when you sync with headquarters.</Alert>
      )}
      <form className="usa-form members-filter" aria-label="Filter validations" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label className="usa-label" htmlFor="filter-status">
            Validation status
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
            <option value="">Any status</option>
            {ValidationStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {VALIDATION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {(['scheduledFrom', 'scheduledTo'] as const).map((key) => (
          <div key={key}>
            <label className="usa-label" htmlFor={`filter-${key}`}>
              {key === 'scheduledFrom' ? 'Scheduled from' : 'Scheduled to'}
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
            {validations.length} validation{validations.length === 1 ? '' : 's'} match.{' '}
            <button type="button" className="usa-button usa-button--unstyled" onClick={() => void setFilters({})}>
              Clear filters
            </button>
          </p>
        )}
      </form>
      <ul className="usa-card-group member-list">
        {shownMembers.map((member) => {
          const own = validations.filter((v) => v.memberId === member.id);
          return (
            <li key={member.id} className="usa-card member-card" data-testid="member-card">
              <div className="usa-card__container">
                <div className="usa-card__header">
                  <h2 className="usa-card__heading">{member.legalName}</h2>
                </div>
                <div className="usa-card__body">
                  <dl className="member-card__facts">
                    <dt>Account</dt>
                    <dd>{member.accountNumber}</dd>
                    <dt>Entity type</dt>
                    <dd>{ENTITY_TYPE_LABELS[member.entityType]}</dd>
                    <dt>Location</dt>
                    <dd>
                      {member.city}, {member.country}
                    </dd>
                  </dl>
                  {own.length === 0 ? (
                    <p className="member-card__empty">No validations yet.</p>
                  ) : (
                    <ul
                      className="usa-list usa-list--unstyled validation-list"
                      aria-label={`Validations of ${member.legalName}`}
                    >
                      {own.map((v) => (
                        <ValidationRow key={v.id} validation={v} />
                      ))}
                    </ul>
                  )}
                </div>
                <div className="usa-card__footer">
                  <a
                    className="usa-button usa-button--outline"
                    href={routeHref({ name: 'new-validation', memberId: member.id })}
                    aria-label={`Start a validation of ${member.legalName}`}
                  >
                    Start validation
                  </a>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
