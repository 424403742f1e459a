import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  installNavigationGuards,
  isAppUrl,
  isSafeExternalUrl,
  mainWindowWebPreferences,
} from '../../electron/main/security';
import { contentTypeFor, resolveStaticPath } from '../../electron/main/static-path';
import type { Member } from '../../shared/domain/validation';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/envelope';
import { makeJpeg, makePng } from './evidence-fixtures';

type Listener = (...args: unknown[]) => unknown;
type IpcListener = (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<Envelope<unknown>>;
type ProtocolHandler = (request: { url: string }) => Promise<Response>;

// Everything the fake `electron` module records. vi.mock is hoisted above the imports, so its
// state has to be created in vi.hoisted.
const fake = vi.hoisted(() => {
  let markReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const state = {
    ready: false,
    appListeners: new Map<string, Listener[]>(),
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }>,
    protocolHandlers: new Map<string, ProtocolHandler>(),
    ipcChannels: [] as string[],
    ipcHandlers: new Map<string, IpcListener>(),
    windows: [] as FakeWindow[],
    permissionHandler: undefined as
      | undefined
      | ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void),
    quit: vi.fn(),
    exit: vi.fn(),
    showErrorBox: vi.fn(),
    // "Close anyway" (button 1) when the page asks to stay while saves are in flight.
    showMessageBoxSync: vi.fn(() => 1),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    openExternal: vi.fn(async () => {}),
    fetch: vi.fn(
      async (_url: string) =>
        new Response('<!doctype html><title>CTPAT Validator</title>', {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    ),
    userDataDir: '',
    systemLanguages: ['en-US'] as string[],
  };
  class FakeWindow {
    readonly options: Record<string, unknown>;
    readonly onceListeners = new Map<string, Listener>();
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly webContents = new EventEmitter();
    readonly restore = vi.fn();
    minimized = false;
    closed = false;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    once(event: string, listener: Listener) {
      this.onceListeners.set(event, listener);
      return this;
    }
    isMinimized() {
      return this.minimized;
    }
    static getAllWindows() {
      return state.windows.filter((w) => !w.closed);
    }
    static getFocusedWindow() {
      return state.windows.find((w) => !w.closed) ?? null;
    }
  }
  const becomeReady = () => {
    state.ready = true;
    markReady();
  };
  const electron = {
    app: {
      whenReady: () => readyPromise,
      getPath: (_name: string) => state.userDataDir,
      getVersion: () => '9.9.9-test',
      getPreferredSystemLanguages: () => state.systemLanguages,
      requestSingleInstanceLock: () => true,
      on(event: string, listener: Listener) {
        const list = state.appListeners.get(event) ?? [];
        list.push(listener);
        state.appListeners.set(event, list);
        return electron.app;
      },
      quit: state.quit,
      exit: state.exit,
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
        // Real Electron refuses this after 'ready'.
        for (const s of schemes) state.privilegedSchemes.push({ ...s, beforeReady: !state.ready });
      },
      handle(scheme: string, handler: ProtocolHandler) {
        state.protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle(channel: string, listener: IpcListener) {
        state.ipcChannels.push(channel);
        state.ipcHandlers.set(channel, listener);
      },
    },
    net: { fetch: state.fetch, isOnline: () => true },
    session: {
      defaultSession: {
        setPermissionRequestHandler(handler: typeof state.permissionHandler) {
          state.permissionHandler = handler;
        },
      },
    },
    shell: { openExternal: state.openExternal },
    dialog: {
      showErrorBox: state.showErrorBox,
      showOpenDialog: state.showOpenDialog,
      showMessageBoxSync: state.showMessageBoxSync,
    },
    // Stands in for the OS keychain: reversible, but visibly not the plain text.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
      decryptString: (bytes: Buffer) => Buffer.from(bytes.toString().slice('sealed:'.length), 'base64').toString(),
    },
  };
  return { state, electron, becomeReady };
});

vi.mock('electron', () => fake.electron);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(repoRoot, 'renderer');
let dataDir: string;
const savedDataDirEnv = process.env.CTPAT_DATA_DIR;

function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of fake.state.appListeners.get(event) ?? []) listener(...args);
}

function ipc(channel: string): IpcListener {
  const handler = fake.state.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  return handler;
}

function serveApp(url: string): Promise<Response> {
  const handler = fake.state.protocolHandlers.get('app');
  if (!handler) throw new Error('app:// is not handled');
  return handler({ url });
}

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    listeners,
    on(event: string, listener: (...args: never[]) => unknown) {
      listeners.set(event, listener as Listener);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpenHandler = handler;
    },
    navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    openWindow(url: string) {
      if (!windowOpenHandler) throw new Error('no window open handler');
      return windowOpenHandler({ url });
    },
  };
}

describe('electron/main.ts with a stand-in electron module', () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-main-test-'));
    fake.state.userDataDir = path.join(dataDir, 'user-data');
    process.env.CTPAT_DATA_DIR = path.join(dataDir, 'store');
    await import('../../electron/main');
    // Nothing that needs 'ready' may have happened yet.
    expect(fake.state.ipcChannels).toEqual([]);
    expect(fake.state.windows).toEqual([]);
    fake.becomeReady();
    await vi.waitFor(
      () => {
        expect(fake.state.ipcChannels.length).toBe(CHANNELS.length);
        expect(fake.state.windows.length).toBe(1);
      },
      { timeout: 10_000, interval: 10 },
    );
  });

  afterAll(() => {
    emitApp('will-quit');
    if (savedDataDirEnv === undefined) delete process.env.CTPAT_DATA_DIR;
    else process.env.CTPAT_DATA_DIR = savedDataDirEnv;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the store in the data folder given by CTPAT_DATA_DIR', () => {
    expect(fs.existsSync(path.join(dataDir, 'store', 'ctpat-validator.sqlite3'))).toBe(true);
    expect(fs.existsSync(fake.state.userDataDir)).toBe(false);
    expect(fake.state.showErrorBox).not.toHaveBeenCalled();
    expect(fake.state.exit).not.toHaveBeenCalled();
  });

  it('registers app:// as a privileged standard, secure scheme before the app is ready', () => {
    expect(fake.state.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
        beforeReady: true,
      },
    ]);
  });

  it('creates one locked-down window that loads the bundled renderer', () => {
    const [window] = fake.state.windows;
    if (!window) throw new Error('no window');
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(prefs.nodeIntegrationInWorker).not.toBe(true);
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(String(prefs.preload)).toMatch(/[\\/]preload\.cjs$/);
    expect(path.isAbsolute(String(prefs.preload))).toBe(true);
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://ctpat/index.html');
    window.onceListeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalledTimes(1);
    // The worksheet's unsaved-work guard asks the person instead of silently keeping the window open.
    const closing = { preventDefault: vi.fn() };
    window.webContents.emit('will-prevent-unload', closing);
    expect(fake.state.showMessageBoxSync).toHaveBeenCalledWith(window, expect.objectContaining({ type: 'warning' }));
    expect(closing.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('asks the unsaved-work question in the language the window says the interface is in', async () => {
    const [window] = fake.state.windows;
    if (!window) throw new Error('no window');
    const frame = { senderFrame: { url: 'app://ctpat/index.html' } };
    const asked = () => fake.state.showMessageBoxSync.mock.lastCall?.at(1) as Record<string, unknown> | undefined;
    expect(await ipc('app:language')(frame, { language: 'es' })).toEqual({ ok: true, value: {} });
    window.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() });
    expect(asked()).toMatchObject({
      title: 'Cambios que todavía se están guardando',
      message: 'Algunos de sus cambios todavía se están guardando.',
      detail:
        'Espere un momento para que se guarden. Si cierra ahora, se perderán los cambios que aún no se guardaron.',
      buttons: ['Esperar a que se guarden', 'Cerrar de todos modos'],
      defaultId: 0,
      cancelId: 0,
    });
    await ipc('app:language')(frame, { language: 'en' });
    window.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() });
    expect(asked()).toMatchObject({
      title: 'Changes still being saved',
      buttons: ['Stay and let it save', 'Close anyway'],
    });
    // A language the app is not written in is refused, and the question stays as it was.
    expect(await ipc('app:language')(frame, { language: 'fr' })).toMatchObject({ ok: false });
  });

  it('registers exactly one IPC handler per contract channel and nothing else', () => {
    expect([...fake.state.ipcChannels].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(fake.state.ipcChannels).size).toBe(fake.state.ipcChannels.length);
  });

  it('refuses IPC from any frame that is not the app:// renderer', async () => {
    for (const senderFrame of [
      { url: 'https://evil.example/' },
      { url: 'file:///tmp/index.html' },
      { url: 'app://evil/index.html' },
      null,
    ]) {
      const envelope = await ipc('members:list')({ senderFrame }, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const save = await ipc('responses:save')({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(save).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('responses:save') },
    });
  });

  it('dispatches IPC from app://ctpat to the real services', async () => {
    const frame = { senderFrame: { url: 'app://ctpat/index.html' } };
    const members = await ipc('members:list')(frame, {});
    expect(members.ok).toBe(true);
    expect(members.ok && (members.value as Member[])).toHaveLength(5);
    const info = await ipc('app:info')(frame, {});
    expect(info).toMatchObject({
      ok: true,
      value: { version: '9.9.9-test', transport: 'electron', dataDir: path.join(dataDir, 'store') },
    });
    const bad = await ipc('validations:create')(frame, { memberId: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('serves index.html from the renderer folder with the Content-Security-Policy header', async () => {
    fake.state.fetch.mockClear();
    const response = await serveApp('app://ctpat/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>CTPAT Validator</title>');
    expect(fake.state.fetch).toHaveBeenCalledWith(pathToFileURL(path.join(rendererDir, 'index.html')).toString());
  });

  it('returns 404 without reading anything for paths that escape the renderer folder', async () => {
    fake.state.fetch.mockClear();
    for (const url of [
      'app://ctpat/../../etc/passwd',
      'app://ctpat/%2e%2e/%2e%2e/etc/passwd',
      'app://ctpat/..%2fpackage.json',
      'app://ctpat/..%5c..%5cpackage.json',
      'app://ctpat/index.html%00.png',
    ]) {
      const response = await serveApp(url);
      expect(response.status, url).toBe(404);
    }
    expect(fake.state.fetch).not.toHaveBeenCalled();
  });

  it('serves stored evidence and its thumbnail from the data folder at app://ctpat/evidence-files/<sha256>', async () => {
    const png = await makePng(40, 30);
    const sha = createHash('sha256').update(png).digest('hex');
    const store = path.join(dataDir, 'store');
    fs.mkdirSync(path.join(store, 'evidence', sha.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(store, 'evidence', sha.slice(0, 2), sha), png);
    fs.mkdirSync(path.join(store, 'thumbnails'), { recursive: true });
    const thumb = await makeJpeg(32, 24);
    fs.writeFileSync(path.join(store, 'thumbnails', `${sha}.jpg`), thumb);

    const original = await serveApp(`app://ctpat/evidence-files/${sha}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true);
    const thumbnail = await serveApp(`app://ctpat/evidence-files/${sha}?thumb`);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await thumbnail.arrayBuffer()).equals(thumb)).toBe(true);
  });

  it('refuses evidence names that are not 64 hex digits, and anything outside the data folder', async () => {
    fake.state.fetch.mockClear();
    const sha = 'ab'.repeat(32);
    for (const url of [
      'app://ctpat/evidence-files/../ctpat-validator.sqlite3',
      'app://ctpat/evidence-files/..%2fctpat-validator.sqlite3',
      'app://ctpat/evidence-files/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      `app://ctpat/evidence-files/ab/${sha}`,
      `app://ctpat/evidence-files/${sha.toUpperCase()}`,
      `app://ctpat/evidence-files/${sha}%00`,
      'app://ctpat/evidence-files/ctpat-validator.sqlite3',
      `app://ctpat/evidence-files/${'0'.repeat(64)}`,
      `app://evil/evidence-files/${sha}`,
    ]) {
      const response = await serveApp(url);
      expect(response.status, url).toBe(404);
    }
    expect(fake.state.fetch).not.toHaveBeenCalled();
  });

  it('opens the native dialog for evidence:pick and attaches the chosen file by its token', async () => {
    const frame = { senderFrame: { url: 'app://ctpat/index.html' } };
    const members = await ipc('members:list')(frame, {});
    const member = members.ok ? (members.value as Member[]).find((m) => m.entityType === 'IMP') : undefined;
    const created = await ipc('validations:create')(frame, {
      memberId: member?.id,
      entityType: 'IMP',
      mode: 'VIRTUAL',
      scheduledDate: '2026-11-23',
    });
    const validationId = created.ok ? (created.value as { id: string }).id : '';
    const chosen = path.join(dataDir, 'Dock 4.jpg');
    fs.writeFileSync(chosen, await makeJpeg(64, 48));
    fake.state.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });

    const picked = await ipc('evidence:pick')(frame, { validationId });
    expect(picked).toEqual({
      ok: true,
      value: [{ token: expect.any(String), fileName: 'Dock 4.jpg', sizeBytes: fs.statSync(chosen).size }],
    });
    const options = fake.state.showOpenDialog.mock.calls.at(-1)?.at(-1) as { properties: string[]; filters: unknown };
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(JSON.stringify(options.filters)).toContain('"pdf"');
    const token = picked.ok ? (picked.value as Array<{ token: string }>)[0]?.token : undefined;
    const attached = await ipc('evidence:attach')(frame, {
      validationId,
      criterionId: '9.6',
      findingId: null,
      fileName: 'Dock 4.jpg',
      mediaType: '',
      caption: '',
      source: { kind: 'picked', token },
    });
    expect(attached).toMatchObject({
      ok: true,
      value: { fileName: 'Dock 4.jpg', mediaType: 'image/jpeg', observedRemotely: true, hasThumbnail: true },
    });
    const sha = attached.ok ? (attached.value as { sha256: string }).sha256 : '';
    expect((await serveApp(`app://ctpat/evidence-files/${sha}?thumb`)).status).toBe(200);
  });

  it('denies every permission request (camera, microphone, notifications, location)', () => {
    const handler = fake.state.permissionHandler;
    if (!handler) throw new Error('no permission handler installed');
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('guards every web contents the app creates against navigation and new windows', () => {
    const contents = fakeWebContents();
    emitApp('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://ctpat/index.html')).toBe(false);
    expect(contents.openWindow('https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat')).toEqual({
      action: 'deny',
    });
    expect(fake.state.openExternal).toHaveBeenCalledWith(
      'https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat',
    );
  });

  it('focuses the existing window when a second copy is started', () => {
    const [window] = fake.state.windows;
    if (!window) throw new Error('no window');
    window.minimized = true;
    emitApp('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('re-creates the window on activate only when none is open', () => {
    emitApp('activate');
    expect(fake.state.windows).toHaveLength(1);
    const [window] = fake.state.windows;
    if (window) window.closed = true;
    emitApp('activate');
    expect(fake.state.windows).toHaveLength(2);
  });
});

describe('electron/main.ts when the data folder cannot be opened', () => {
  it.each([
    ['en-US', 'CTPAT Validator cannot open its data', /newer version of CTPAT Validator.*Nothing was changed/s],
    // The language preference lives in the folder that cannot be opened: the system's first language decides.
    [
      'es-MX',
      'CTPAT Validator no puede abrir sus datos',
      /versión más reciente de CTPAT Validator.*No se cambió nada/s,
    ],
  ])(
    'shows an error box naming the problem (system language %s) and exits with code 1 without opening a window',
    async (language, title, content) => {
      fake.state.systemLanguages = [language, 'en-US'];
      fake.state.exit.mockClear();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-main-too-new-'));
      try {
        // A store from a newer release: openAppServices refuses it.
        const Database = (await import('better-sqlite3')).default;
        const newer = new Database(path.join(dir, 'ctpat-validator.sqlite3'));
        newer.pragma('user_version = 999');
        newer.close();
        process.env.CTPAT_DATA_DIR = dir;
        const windowsBefore = fake.state.windows.length;
        const channelsBefore = fake.state.ipcChannels.length;
        vi.resetModules();
        await import('../../electron/main');
        await vi.waitFor(() => expect(fake.state.exit).toHaveBeenCalledWith(1), { timeout: 10_000, interval: 10 });
        expect(fake.state.showErrorBox).toHaveBeenLastCalledWith(title, expect.stringMatching(content));
        expect(fake.state.windows).toHaveLength(windowsBefore);
        expect(fake.state.ipcChannels).toHaveLength(channelsBefore);
      } finally {
        fake.state.systemLanguages = ['en-US'];
        if (savedDataDirEnv === undefined) delete process.env.CTPAT_DATA_DIR;
        else process.env.CTPAT_DATA_DIR = savedDataDirEnv;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('electron/main/security.ts', () => {
  it('blocks navigation and redirects away from app://ctpat', () => {
    const contents = fakeWebContents();
    installNavigationGuards(contents, vi.fn());
    expect(contents.navigate('will-navigate', 'https://example.com')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://ctpat/index.html')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://ctpat/index.html#/validations')).toBe(false);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://other-host/index.html')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.com')).toBe(true);
    expect(contents.navigate('will-navigate', 'not a url')).toBe(true);
  });

  it('refuses to attach webviews', () => {
    const contents = fakeWebContents();
    installNavigationGuards(contents, vi.fn());
    const preventDefault = vi.fn();
    contents.listeners.get('will-attach-webview')?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and hands only http(s) links to the system browser', () => {
    const openExternal = vi.fn();
    const contents = fakeWebContents();
    installNavigationGuards(contents, openExternal);
    for (const url of [
      'https://www.cbp.gov/',
      'http://example.com/page',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://ctpat/index.html',
      'smb://server/share',
      'https://user:secret@example.com/',
      'not a url',
    ]) {
      expect(contents.openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://www.cbp.gov/', 'http://example.com/page']);
  });

  it('has a strict Content-Security-Policy', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|[\s;])\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('builds web preferences with isolation and the sandbox on', () => {
    expect(mainWindowWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('recognises only app://ctpat as the app', () => {
    expect(APP_ENTRY_URL).toBe('app://ctpat/index.html');
    expect(isAppUrl('app://ctpat/index.html')).toBe(true);
    expect(isAppUrl('app://ctpat.evil.example/')).toBe(false);
    expect(isAppUrl('https://ctpat/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl('mailto:a@b.c')).toBe(false);
  });
});

describe('electron/main/static-path.ts resolveStaticPath', () => {
  const root = path.resolve(os.tmpdir(), 'ctpat-static-root');

  it('maps ordinary app:// paths into the root', () => {
    expect(resolveStaticPath('app://ctpat/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath('app://ctpat/assets/app-1a2b.js?v=3#top', root)).toBe(
      path.join(root, 'assets', 'app-1a2b.js'),
    );
    expect(resolveStaticPath('app://ctpat/fonts/Public%20Sans.woff2', root)).toBe(
      path.join(root, 'fonts', 'Public Sans.woff2'),
    );
    expect(resolveStaticPath('/index.html', root)).toBe(path.join(root, 'index.html'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveStaticPath('app://ctpat/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath('app://ctpat', root)).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath('app://ctpat/?x=1', root)).toBe(path.join(root, 'index.html'));
  });

  it('refuses every way of climbing out of the root', () => {
    for (const url of [
      'app://ctpat/../../etc/passwd',
      'app://ctpat/assets/../../package.json',
      'app://ctpat/%2e%2e/%2e%2e/etc/passwd',
      'app://ctpat/%2E%2E/package.json',
      'app://ctpat/..%2fpackage.json',
      'app://ctpat/..%5cpackage.json',
      'app://ctpat/..\\package.json',
      'app://ctpat/assets/..',
      '/../secret',
    ]) {
      expect(resolveStaticPath(url, root), url).toBeNull();
    }
  });

  it('refuses NUL bytes, drive letters and malformed escapes', () => {
    expect(resolveStaticPath('app://ctpat/index.html%00.png', root)).toBeNull();
    expect(resolveStaticPath('app://ctpat/C:/Windows/win.ini', root)).toBeNull();
    expect(resolveStaticPath('app://ctpat/c%3A%5CWindows%5Cwin.ini', root)).toBeNull();
    expect(resolveStaticPath('app://ctpat/%E0%A4%A', root)).toBeNull();
  });

  it('treats a double-encoded dot-dot as a literal file name inside the root', () => {
    const resolved = resolveStaticPath('app://ctpat/%252e%252e/package.json', root);
    expect(resolved).toBe(path.join(root, '%2e%2e', 'package.json'));
  });

  it('names content types for the files the renderer ships', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/unknown.bin')).toBe('application/octet-stream');
  });
});
