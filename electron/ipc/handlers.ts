import type { Channel } from '../../shared/ipc/channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { ServiceContext } from '../services/service-context';
import { coreHandlers } from './handlers/core';
import { evidenceHandlers } from './handlers/evidence';
import { fieldWorkHandlers } from './handlers/field-work';
import { inspectionHandlers } from './handlers/inspections';
import { submissionHandlers } from './handlers/submission';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

export type HostInfo = {
  version: string;
  dataDir: string;
  transport: 'electron' | 'web-harness';
  /** Electron's native open dialog; absent in the web harness, where the page uses <input type=file>. */
  showOpenDialog?: () => Promise<string[]>;
};

/** The single map from channel to service call; both transports (IPC and the web harness) use it. */
export function createHandlers(ctx: ServiceContext, host: HostInfo): Handlers {
  return {
    ...coreHandlers(ctx, host),
    ...fieldWorkHandlers(ctx),
    ...submissionHandlers(ctx),
    ...evidenceHandlers(ctx, host),
    ...inspectionHandlers(ctx),
  };
}
