import { useEffect, useState } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../shared/domain/entity-types';
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '../../../shared/domain/lifecycle';
import {
  VALIDATION_MODE_LABELS,
  VALIDATION_STATUS_LABELS,
  type ValidationStatus,
  ValidationStatusSchema,
  type ValidationSummary,
} from '../../../shared/domain/validation';
import type { ValidationListItem } from '../../../shared/ipc/contract';
import { call } from '../api';
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

const WORKFLOW_TAG_CLASS: Record<WorkflowState, string> = {
  IN_PROGRESS: 'status-tag status-tag--progress',
  SUBMITTED: 'status-tag status-tag--submitted',
  IN_REVIEW: 'status-tag status-tag--review',
  RETURNED: 'status-tag status-tag--returned',
  APPROVED: 'status-tag status-tag--approved',
  AWAITING_RESPONSE: 'status-tag status-tag--awaiting',
  CLOSED: 'status-tag status-tag--closed',
};

/** Shorter words for the row's tag where the state's own label is long. */
const TAG_LABELS: Partial<Record<WorkflowState, string>> = { AWAITING_RESPONSE: 'Awaiting Member response' };

/** The list's rows carry where each validation went after submission (the store keeps them as summaries). */
type ListedValidation = ValidationSummary & Partial<Pick<ValidationListItem, 'workflowState' | 'demo' | 'returned'>>;

function ValidationRow({ validation, overdue }: { validation: ListedValidation; overdue: boolean }) {
  const state = validation.workflowState ?? null;
  const returned = validation.returned === true || state === 'RETURNED';
  const worksheetHref = routeHref({ name: 'worksheet', validationId: validation.id, category: 1, resume: true });
  return (
    <li
      className={`validation-row${returned ? ' validation-row--returned' : ''}${overdue ? ' validation-row--overdue' : ''}`}
      data-testid="validation-row"
      data-workflow-state={state ?? validation.status}
    >
      <a className="usa-link validation-row__link" href={worksheetHref}>
        {ENTITY_TYPE_LABELS[validation.entityType]} validation · {VALIDATION_MODE_LABELS[validation.mode]} ·{' '}
        {formatDate(validation.scheduledDate)}
      </a>
      <span className="validation-row__tags">
        {returned ? null : state ? (
          <span className={`usa-tag ${WORKFLOW_TAG_CLASS[state]}`} data-testid="workflow-state-tag">
            {TAG_LABELS[state] ?? WORKFLOW_STATE_LABELS[state]}
          </span>
        ) : (
          <span className={`usa-tag ${STATUS_TAG_CLASS[validation.status]}`} data-testid="workflow-state-tag">
            {VALIDATION_STATUS_LABELS[validation.status]}
          </span>
        )}
        {overdue && (
          <span className="usa-tag overdue-tag" data-testid="response-overdue">
            Response overdue
          </span>
        )}
        {validation.demo && (
          <span className="usa-tag demo-tag" title="Demo validation: stays on this computer, never sent to HQ">
            Demo
          </span>
        )}
        <SyncTag validationId={validation.id} />
      </span>
      {returned && (
        <p className="validation-row__returned" data-testid="returned-notice">
          <span className="usa-tag status-tag status-tag--returned">Returned for correction</span> The field office sent
          it back.{' '}
          <a className="usa-link" href={worksheetHref}>
            Open it to see the reviewer’s comments
          </a>
          , correct it and submit it again.
        </p>
      )}
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
                        <ValidationRow key={v.id} validation={v} overdue={overdueIds.has(v.id)} />
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
