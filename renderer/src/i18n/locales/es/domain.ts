import { DOMAIN_LABELS_ES, WORKFLOW_EVENT_LABELS_ES } from '../../../../../shared/domain/labels-es';
import type * as en from '../en/domain';
import type { Translation } from '../translation';

// The Spanish names of domain codes are shared with the reports, so a Spanish report and the screens agree.
export const domain: Translation<typeof en.domain> = { ...DOMAIN_LABELS_ES, workflowEvent: WORKFLOW_EVENT_LABELS_ES };
