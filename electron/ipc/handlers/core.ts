import { listCatalogEditionIds } from '../../../db/queries/catalog-editions';
import { listMembers } from '../../../db/queries/members';
import { getEdition } from '../../services/catalog-service';
import { checkClock } from '../../services/clock-check';
import { saveResponse } from '../../services/response-service';
import type { ServiceContext } from '../../services/service-context';
import { createValidation, listValidationSummaries, openWorksheet } from '../../services/validation-service';
import type { HandlersFor, HostInfo } from '../handlers';

type CoreChannel =
  | 'app:info'
  | 'app:language'
  | 'app:clock'
  | 'catalog:get'
  | 'members:list'
  | 'validations:list'
  | 'validations:create'
  | 'worksheet:open'
  | 'responses:save';

export function coreHandlers(ctx: ServiceContext, host: HostInfo): HandlersFor<CoreChannel> {
  return {
    'app:info': () => ({
      version: host.version,
      dataDir: host.dataDir,
      transport: host.transport,
      actor: ctx.actor,
      catalogEditionIds: listCatalogEditionIds(ctx.db),
    }),
    'app:language': (req) => {
      host.onInterfaceLanguage?.(req.language);
      return {};
    },
    'app:clock': () => checkClock(ctx),
    'catalog:get': (req) => getEdition(ctx, req.editionId),
    'members:list': () => listMembers(ctx.db),
    'validations:list': (req) => listValidationSummaries(ctx, req),
    'validations:create': (req) => createValidation(ctx, req),
    'worksheet:open': (req) => openWorksheet(ctx, req.validationId),
    'responses:save': (req) => saveResponse(ctx, req),
  };
}
