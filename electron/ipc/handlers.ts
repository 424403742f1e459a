import type { LanguageCode } from '../../shared/domain/language';
import type { Channel } from '../../shared/ipc/channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { PickedFileRegistry } from '../services/evidence-service';
import { type CredentialStore, fileCredentialStore } from '../services/hq-credentials';
import type { ServiceContext } from '../services/service-context';
import { createSyncService, type SyncService } from '../services/sync-service';
import { analyticsHandlers } from './handlers/analytics';
import { assignmentHandlers } from './handlers/assignments';
import { auditHandlers } from './handlers/audit';
import { coreHandlers } from './handlers/core';
import { evidenceHandlers } from './handlers/evidence';
import { fieldWorkHandlers } from './handlers/field-work';
import { inspectionHandlers } from './handlers/inspections';
import { memberRecordHandlers } from './handlers/member-record';
import { type ReportHost, reportHandlers } from './handlers/reports';
import { reviewHandlers } from './handlers/reviews';
import { settingsHandlers } from './handlers/settings';
import { submissionHandlers } from './handlers/submission';
import { syncHandlers } from './handlers/sync';
import { workflowHandlers } from './handlers/workflow';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

export type HostInfo = ReportHost & {
  version: string;
  dataDir: string;
  transport: 'electron' | 'web-harness';
  /** Electron's native open dialog; absent in the web harness, where the page uses <input type=file>. */
  showOpenDialog?: () => Promise<string[]>;
  /** Where the HQ device token is kept; a 0600 file in the data folder unless the host has better (safeStorage). */
  credentials?: CredentialStore;
  /** The host's sync service when it runs background sync (Electron main, the harness); one is made otherwise. */
  sync?: SyncService;
  /** Told the interface's language whenever the window applies one (Electron main writes its dialogs in it). */
  onInterfaceLanguage?: (language: LanguageCode) => void;
};

/** The single map from channel to service call; both transports (IPC and the web harness) use it. */
export function createHandlers(ctx: ServiceContext, host: HostInfo): Handlers {
  // Paths chosen in the native dialog stay in this process; the page only ever sees their tokens.
  const picked = new PickedFileRegistry();
  const sync = host.sync ?? createSyncService(ctx, host.credentials ?? fileCredentialStore(host.dataDir));
  return {
    ...coreHandlers(ctx, host),
    ...settingsHandlers(ctx, sync),
    ...fieldWorkHandlers(ctx),
    ...submissionHandlers(ctx),
    ...evidenceHandlers(ctx, host, picked),
    ...workflowHandlers(ctx, picked),
    ...inspectionHandlers(ctx),
    ...assignmentHandlers(ctx),
    ...reviewHandlers(ctx),
    ...auditHandlers(ctx),
    ...reportHandlers(ctx, host),
    ...analyticsHandlers(ctx, host, sync),
    ...memberRecordHandlers(ctx, host),
    ...syncHandlers(sync),
  };
}
