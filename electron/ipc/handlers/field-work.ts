import {
  deleteFinding,
  deleteObservation,
  deleteSite,
  saveFinding,
  saveObservation,
  saveSite,
} from '../../services/field-work-service';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor } from '../handlers';

type FieldWorkChannel =
  | 'sites:save'
  | 'sites:delete'
  | 'findings:save'
  | 'findings:delete'
  | 'observations:save'
  | 'observations:delete';

export function fieldWorkHandlers(ctx: ServiceContext): HandlersFor<FieldWorkChannel> {
  return {
    'sites:save': (req) => saveSite(ctx, req),
    'sites:delete': (req) => deleteSite(ctx, req.validationId, req.siteId),
    'findings:save': (req) => saveFinding(ctx, req),
    'findings:delete': (req) => deleteFinding(ctx, req.validationId, req.criterionId),
    'observations:save': (req) => saveObservation(ctx, req),
    'observations:delete': (req) => deleteObservation(ctx, req.validationId, req.id),
  };
}
