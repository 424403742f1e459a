import { ENTITY_TYPE_LABELS } from '../../../../../shared/domain/entity-types';
import {
  PARTICIPANT_ROLE_LABELS,
  SITE_TYPE_LABELS,
  VERIFICATION_METHOD_LABELS,
} from '../../../../../shared/domain/field-work';
import { USER_ROLE_LABELS, WORKFLOW_EVENT_LABELS, WORKFLOW_STATE_LABELS } from '../../../../../shared/domain/lifecycle';
import {
  RESPONSE_RESULT_LABELS,
  VALIDATION_MODE_LABELS,
  VALIDATION_STATUS_LABELS,
} from '../../../../../shared/domain/validation';

// The English names of domain codes are the shared maps reports and HQ use, so the screens and the reports agree.
export const domain = {
  entityType: ENTITY_TYPE_LABELS,
  mode: VALIDATION_MODE_LABELS,
  status: VALIDATION_STATUS_LABELS,
  workflowState: WORKFLOW_STATE_LABELS,
  workflowEvent: WORKFLOW_EVENT_LABELS,
  level: { MUST: 'Must', SHOULD: 'Should', MIXED: 'Must + Should' },
  result: RESPONSE_RESULT_LABELS,
  method: VERIFICATION_METHOD_LABELS,
  classification: {
    ACTION_REQUIRED: 'Action required',
    RECOMMENDATION: 'Recommendation',
    NO_FINDING: 'No finding',
  },
  userRole: USER_ROLE_LABELS,
  siteType: SITE_TYPE_LABELS,
  participantRole: PARTICIPANT_ROLE_LABELS,
};
