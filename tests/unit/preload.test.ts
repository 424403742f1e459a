import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/ipc/handlers';
import { openAppServices } from '../../electron/services/app-services';
import { CHANNELS, EVENTS } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';

type Api = Record<string, unknown> & { on: (event: string, listener: (payload: unknown) => void) => () => void };

const bridge = vi.hoisted(() => ({
  exposed: [] as Array<{ key: string; api: unknown }>,
  invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
  removed: [] as string[],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.push({ key, api }),
  },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (event: string, listener: (event: unknown, payload: unknown) => void) => {
      bridge.listeners.set(event, listener);
    },
    removeListener: (event: string, listener: unknown) => {
      if (bridge.listeners.get(event) === listener) {
        bridge.listeners.delete(event);
        bridge.removed.push(event);
      }
    },
  },
}));

let api: Api;

beforeAll(async () => {
  await import('../../electron/preload');
  expect(bridge.exposed.map((e) => e.key)).toEqual(['api']);
  api = bridge.exposed[0]?.api as Api;
});

/** Every function on window.api, as "domain.action" paths (plus top-level functions). */
function functionPaths(obj: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === 'function') paths.push(key);
    else if (value && typeof value === 'object') {
      for (const [inner, fn] of Object.entries(value as Record<string, unknown>)) {
        expect(typeof fn, `${key}.${inner}`).toBe('function');
        paths.push(`${key}.${inner}`);
      }
    } else paths.push(`${key} (not a function)`);
  }
  return paths.sort();
}

describe('preload: window.api', () => {
  it('exposes exactly one function per contract channel plus on, and nothing else', () => {
    const expected = [...CHANNELS.map((c) => c.replace(':', '.')), 'on'].sort();
    expect(functionPaths(api)).toEqual(expected);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('send');
  });

  it('forwards each call to ipcRenderer.invoke on its channel with the request', async () => {
    const members = (api.members as Record<string, (r: unknown) => Promise<unknown>>).list;
    bridge.invoke.mockClear();
    await expect(members?.({})).resolves.toEqual({ ok: true, value: { channel: 'members:list', request: {} } });
    expect(bridge.invoke).toHaveBeenCalledWith('members:list', {});

    const request = { validationId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', criterionId: '1.1', result: 'COMPLIANT' };
    await (api.responses as Record<string, (r: unknown) => Promise<unknown>>).save?.(request);
    expect(bridge.invoke).toHaveBeenLastCalledWith('responses:save', request);

    for (const channel of CHANNELS) {
      const [domain, action] = channel.split(':') as [string, string];
      bridge.invoke.mockClear();
      await (api[domain] as Record<string, (r: unknown) => Promise<unknown>>)[action]?.({});
      expect(bridge.invoke, channel).toHaveBeenCalledWith(channel, {});
    }
  });

  it('sends {} when a call is made with no request', async () => {
    bridge.invoke.mockClear();
    await (api.app as Record<string, () => Promise<unknown>>).info?.();
    expect(bridge.invoke).toHaveBeenCalledWith('app:info', {});
  });

  it('subscribes to known events, hands listeners only the payload, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('validation:changed', listener);
    const forward = bridge.listeners.get('validation:changed');
    if (!forward) throw new Error('not subscribed');
    forward({ sender: 'ipc-event-with-internals' }, { validationId: 'v-1' });
    expect(listener).toHaveBeenCalledWith({ validationId: 'v-1' });
    unsubscribe();
    expect(bridge.removed).toContain('validation:changed');
    expect(bridge.listeners.has('validation:changed')).toBe(false);
  });

  it('throws for an event that is not in the contract', () => {
    expect(() => api.on('ipc:raw', vi.fn())).toThrow(/Unknown event ipc:raw/);
    expect(bridge.listeners.has('ipc:raw')).toBe(false);
    expect([...EVENTS]).not.toContain('ipc:raw');
  });
});

describe('the IPC contract stays in one piece', () => {
  it('CHANNELS equals the channels of the zod contract, in order', () => {
    expect([...CHANNELS]).toEqual(Object.keys(contract));
  });

  it('every channel is "domain:action" so window.api can group it', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+$/);
  });

  it('createHandlers returns exactly one handler per channel', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-preload-test-'));
    const services = openAppServices({ dataDir, actor: 'test.scss', seedDemoData: false });
    try {
      const handlers = createHandlers(services.ctx, { version: 't', dataDir, transport: 'electron' });
      expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
      for (const channel of CHANNELS) expect(typeof handlers[channel], channel).toBe('function');
    } finally {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
