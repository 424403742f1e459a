import { useTranslation } from 'react-i18next';
import type { WorkflowState } from '../../../../shared/domain/lifecycle';
import type { ValidationSummary } from '../../../../shared/domain/validation';
import type { ValidationListItem } from '../../../../shared/ipc/contract';
import { formatDate, formatLocalDate } from '../../components/format';
import { ProgressMeter } from '../../components/ProgressMeter';
import { SyncTag } from '../../components/SyncTag';
import { useDomainLabels } from '../../i18n/domain-labels';
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

/** One validation in a Member's row: where it is, its progress, and a link to its worksheet. */
export function ValidationRow({ validation, overdue }: { validation: ValidationListItem; overdue: boolean }) {
  const state = validation.workflowState;
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const returned = validation.returned || state === 'RETURNED';
  const worksheetHref = routeHref({ name: 'worksheet', validationId: validation.id, category: 1, resume: true });
  return (
    <li
      className={`validation-row${returned ? ' validation-row--returned' : ''}${overdue ? ' validation-row--overdue' : ''}`}
      data-testid="validation-row"
      data-workflow-state={state ?? validation.status}
    >
      <a className="usa-link validation-row__link" href={worksheetHref}>
        {t('members.row.link', {
          entityType: labels.entityType(validation.entityType),
          mode: labels.mode(validation.mode),
          date: formatDate(validation.scheduledDate),
        })}
      </a>
      <span className="validation-row__tags">
        {returned ? null : state ? (
          <span className={`usa-tag ${WORKFLOW_TAG_CLASS[state]}`} data-testid="workflow-state-tag">
            {/* Shorter words for the row's tag where the state's own label is long. */}
            {state === 'AWAITING_RESPONSE' ? t('members.row.awaitingResponse') : labels.workflowState(state)}
          </span>
        ) : (
          <span className={`usa-tag ${STATUS_TAG_CLASS[validation.status]}`} data-testid="workflow-state-tag">
            {labels.status(validation.status)}
          </span>
        )}
        {overdue && (
          <span className="usa-tag overdue-tag" data-testid="response-overdue">
            {t('members.row.responseOverdue')}
          </span>
        )}
        {validation.demo && (
          <span className="usa-tag demo-tag" title={t('members.row.demoTitle')}>
            {t('members.row.demo')}
          </span>
        )}
        <SyncTag validationId={validation.id} />
      </span>
      {returned && (
        <p className="validation-row__returned" data-testid="returned-notice">
          <span className="usa-tag status-tag status-tag--returned">{t('members.row.returned')}</span>{' '}
          {t('members.row.returnedBefore')}{' '}
          <a className="usa-link" href={worksheetHref}>
            {t('members.row.returnedLink')}
          </a>
          {t('members.row.returnedAfter')}
        </p>
      )}
      {validation.anotherPersons && (
        <p className="validation-row__another" data-testid="another-persons-notice">
          {t('members.row.anotherPersons', { name: validation.anotherPersons.name })}
        </p>
      )}
      {validation.assignmentWithdrawn && (
        <p className="validation-row__withdrawn" data-testid="assignment-withdrawn-notice">
          {t('members.row.withdrawn', {
            date: formatLocalDate(validation.assignmentWithdrawn.at),
            name: validation.assignmentWithdrawn.byName,
          })}
        </p>
      )}
      <ProgressMeter
        answered={validation.answeredCount}
        total={validation.applicableCount}
        label={t('members.row.progress', { date: formatDate(validation.scheduledDate) })}
      />
    </li>
  );
}
