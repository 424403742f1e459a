import { listAssignments, startValidationFromAssignment } from '../../services/assignment-service';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor } from '../handlers';

type AssignmentChannel = 'assignments:list' | 'assignments:start';

export function assignmentHandlers(ctx: ServiceContext): HandlersFor<AssignmentChannel> {
  return {
    'assignments:list': () => listAssignments(ctx),
    'assignments:start': (req) => startValidationFromAssignment(ctx, req.assignmentId),
  };
}
