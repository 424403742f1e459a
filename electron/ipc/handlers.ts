import { listCatalogEditionIds } from '../../db/queries/catalog-editions';
import { listMembers } from '../../db/queries/members';
import type { Channel } from '../../shared/ipc/channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { getEdition } from '../services/catalog-service';
import { saveResponse } from '../services/response-service';
import type { ServiceContext } from '../services/service-context';
import { createValidation, listValidationSummaries, openWorksheet } from '../services/validation-service';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export type HostInfo = { version: string; dataDir: string; transport: 'electron' | 'web-harness' };

/** The single map from channel to service call; both transports (IPC and the web harness) use it. */
export function createHandlers(ctx: ServiceContext, host: HostInfo): Handlers {
  return {
    'app:info': () => ({ ...host, actor: ctx.actor, catalogEditionIds: listCatalogEditionIds(ctx.db) }),
    'catalog:get': (req) => getEdition(ctx, req.editionId),
    'members:list': () => listMembers(ctx.db),
    'validations:list': (req) => listValidationSummaries(ctx, req),
    'validations:create': (req) => createValidation(ctx, req),
    'worksheet:open': (req) => openWorksheet(ctx, req.validationId),
    'responses:save': (req) => saveResponse(ctx, req),
  };
}
