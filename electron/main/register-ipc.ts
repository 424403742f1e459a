import { CHANNELS } from '../../shared/ipc/channels';
import { type Envelope, fail } from '../../shared/ipc/envelope';
import type { Dispatch } from '../ipc/dispatch';
import { isAppUrl } from './security';

type SenderEvent = { senderFrame: { url: string } | null };
type IpcMainLike = {
  handle(channel: string, listener: (event: SenderEvent, payload: unknown) => Promise<Envelope<unknown>>): void;
};

/** One ipcMain.handle per contract channel; a frame that is not our app:// renderer gets FORBIDDEN. */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isAppUrl(event.senderFrame?.url)) {
        return fail('FORBIDDEN', `Refused ${channel}: the request did not come from the CTPAT Validator window.`);
      }
      return dispatch(channel, payload);
    });
  }
}
