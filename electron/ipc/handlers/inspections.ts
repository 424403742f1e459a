import { deleteChecklist, saveChecklist, saveVirtualSession } from '../../services/inspection-service';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor } from '../handlers';

type InspectionChannel = 'checklists:save' | 'checklists:delete' | 'sessions:save';

export function inspectionHandlers(ctx: ServiceContext): HandlersFor<InspectionChannel> {
  return {
    'checklists:save': (req) => saveChecklist(ctx, req),
    'checklists:delete': (req) => deleteChecklist(ctx, req.validationId, req.id),
    'sessions:save': (req) => saveVirtualSession(ctx, req),
  };
}
