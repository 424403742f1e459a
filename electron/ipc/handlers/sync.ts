import type { SyncService } from '../../services/sync-service';
import type { HandlersFor } from '../handlers';

type SyncChannel = 'sync:status' | 'sync:enroll' | 'sync:now' | 'sync:validations';

export function syncHandlers(sync: SyncService): HandlersFor<SyncChannel> {
  return {
    'sync:status': () => sync.status(),
    'sync:enroll': (req) => sync.enroll(req),
    'sync:now': () => sync.syncNow(),
    'sync:validations': () => sync.validationStates(),
  };
}
