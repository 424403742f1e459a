import { ENTITY_TYPE_LABELS } from '../../../../shared/domain/entity-types';
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '../../../../shared/domain/lifecycle';
import {
  VALIDATION_MODE_LABELS,
  VALIDATION_STATUS_LABELS,
  type ValidationSummary,
} from '../../../../shared/domain/validation';
import type { ValidationListItem } from '../../../../shared/ipc/contract';
import { formatDate } from '../../components/format';
import { ProgressMeter } from '../../components/ProgressMeter';
import { SyncTag } from '../../components/SyncTag';
import { routeHref } from '../../state/route';

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

/** One validation in a Member's row: where it is, its progress, and a link to its worksheet. */
export function ValidationRow({ validation, overdue }: { validation: ValidationListItem; overdue: boolean }) {
  const state = validation.workflowState;
  const returned = validation.returned || state === 'RETURNED';
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
