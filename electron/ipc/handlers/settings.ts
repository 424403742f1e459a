import type { ServiceContext } from '../../services/service-context';
import { getPolicyStatus, getSettings, saveSettings } from '../../services/settings-service';
import type { SyncService } from '../../services/sync-service';
import { createHttpPolicyTransport } from '../../sync/hq-policy';
import type { HandlersFor } from '../handlers';

type SettingsChannel = 'settings:get' | 'settings:update' | 'settings:policy';

/** Settings: the policy fields reach HQ through this laptop's HQ connection when a supervisor changes them. */
export function settingsHandlers(
  ctx: ServiceContext,
  sync: Pick<SyncService, 'hqConnection'>,
): HandlersFor<SettingsChannel> {
  return {
    'settings:get': () => getSettings(ctx),
    'settings:update': (req) =>
      saveSettings(ctx, req, () => {
        const hq = sync.hqConnection();
        return hq ? createHttpPolicyTransport(hq) : null;
      }),
    'settings:policy': () => getPolicyStatus(ctx),
  };
}
