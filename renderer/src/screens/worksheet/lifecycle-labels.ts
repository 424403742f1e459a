import { USER_ROLE_LABELS, WORKFLOW_STATE_LABELS } from '../../../../shared/domain/lifecycle';
import { PROPOSED_CLASSIFICATION_LABELS } from '../../../../shared/domain/review';
import { VALIDATION_STATUS_LABELS, type ValidationStatus } from '../../../../shared/domain/validation';
import type { ValidationLifecycleView } from '../../../../shared/ipc/contract';

type ReturnedFinding = NonNullable<ValidationLifecycleView['returned']>['findings'][number];

/** What the reviewer said of a finding sent back, as the SCSS reads it. */
export const RETURNED_DECISION_LABELS: Record<ReturnedFinding['decision'], string> = {
  RETURN_FOR_CORRECTION: 'Returned for correction',
  NON_CONCUR: 'Reviewer does not concur',
};

export const proposedLabel = (finding: ReturnedFinding): string | null =>
  finding.proposedClassification ? PROPOSED_CLASSIFICATION_LABELS[finding.proposedClassification] : null;

/** Where the validation stands: its workflow state once submitted, else the worksheet's own status. */
export const workflowStateLabel = (lifecycle: ValidationLifecycleView, status: ValidationStatus): string =>
  lifecycle.state ? WORKFLOW_STATE_LABELS[lifecycle.state] : VALIDATION_STATUS_LABELS[status];

export const personLabel = (person: { name: string; role: keyof typeof USER_ROLE_LABELS | null }): string =>
  person.role ? `${person.name} (${USER_ROLE_LABELS[person.role]})` : person.name;

/** The first 12 hex digits of a SHA-256: enough to tell files apart on screen; the full one is in the title. */
export const shortSha = (sha256: string): string => `${sha256.slice(0, 12)}…`;

const dateTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
/** "Mar 2, 2026, 9:00 AM": a moment in the history, with its year. */
export const formatMoment = (iso: string): string => dateTime.format(new Date(iso));

/** Today as YYYY-MM-DD on this computer's calendar (a response received "today" is today here). */
export const localToday = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
