import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENTS, type EventName } from '../shared/ipc/channels';
import { buildWindowApi, type WindowApi } from '../shared/ipc/window-api';

// Sandboxed preload: only forwards contract channels; the renderer never sees ipcRenderer.
const api = buildWindowApi(
  CHANNELS,
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event: EventName, listener) => {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
) satisfies WindowApi;

contextBridge.exposeInMainWorld('api', api);
