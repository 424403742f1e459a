import type { PickedFileRegistry } from '../../services/evidence-service';
import {
  assessMemberResponse,
  attachMemberResponseFile,
  listMemberResponsesOf,
  saveMemberResponse,
} from '../../services/member-response-service';
import type { ServiceContext } from '../../services/service-context';
import { transitionValidation, workflowHistory } from '../../services/workflow-service';
import { getWorklist } from '../../services/worklist-service';
import type { HandlersFor } from '../handlers';

type WorkflowChannel =
  | 'workflow:transition'
  | 'workflow:history'
  | 'replies:list'
  | 'replies:save'
  | 'replies:assess'
  | 'replies:attach'
  | 'worklists:get';

export function workflowHandlers(ctx: ServiceContext, picked: PickedFileRegistry): HandlersFor<WorkflowChannel> {
  return {
    'workflow:transition': (req) => transitionValidation(ctx, req),
    'workflow:history': (req) => workflowHistory(ctx, req.validationId),
    'replies:list': (req) => listMemberResponsesOf(ctx, req.validationId),
    'replies:save': (req) => saveMemberResponse(ctx, req),
    'replies:assess': (req) => assessMemberResponse(ctx, req),
    'replies:attach': (req) => attachMemberResponseFile(ctx, req, picked),
    'worklists:get': (req) => getWorklist(ctx, req),
  };
}
