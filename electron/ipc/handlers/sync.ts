import type { SyncService } from '../../services/sync-service';
import type { HandlersFor } from '../handlers';

type SyncChannel =
  | 'sync:status'
  | 'sync:enroll'
  | 'sync:now'
  | 'sync:validations'
  | 'sync:refused'
  | 'sync:sendagain'
  | 'sync:dontsend'
  | 'sync:refusedfiles'
  | 'sync:resendfile'
  | 'sync:withholdfile'
  | 'sync:online';

export function syncHandlers(sync: SyncService): HandlersFor<SyncChannel> {
  return {
    'sync:status': () => sync.status(),
    'sync:enroll': (req) => sync.enroll(req),
    'sync:now': () => sync.syncNow(),
    'sync:validations': (req) => sync.validationStates(req.validationId),
    'sync:refused': () => sync.refused(),
    'sync:sendagain': (req) => sync.sendRefusedAgain(req),
    'sync:dontsend': (req) => sync.keepRefusedOffHq(req),
    'sync:refusedfiles': () => sync.refusedFiles(),
    'sync:resendfile': (req) => sync.retryRefusedFile(req),
    'sync:withholdfile': (req) => sync.discardRefusedFile(req),
    'sync:online': () => sync.networkOnline(),
  };
}
