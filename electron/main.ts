import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  type OpenDialogOptions,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { EVIDENCE_EXTENSIONS } from '../shared/domain/evidence-files';
import type { LanguageCode } from '../shared/domain/language';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './main/register-ipc';
import { printReportWithElectron, showReportSaveDialog } from './main/report-printing';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  installNavigationGuards,
  isAppUrl,
  mainWindowWebPreferences,
} from './main/security';
import { resolveStaticPath } from './main/static-path';
import { askBeforeLeavingUnsavedWork, CLOSE_ANYWAY, unsavedWorkQuestion } from './main/unload-guard';
import { type AppServices, openAppServices } from './services/app-services';
import { resolveDataDir } from './services/data-dir';
import {
  evidenceRequestFor,
  evidenceResponseHeaders,
  loadSharpWith,
  openEvidenceRequest,
  type Sharp,
} from './services/evidence-store';
import { adoptPlainCredentials, CREDENTIAL_FILES, fileCredentialStore } from './services/hq-credentials';
import { systemLanguage } from './services/main-text';
import { startupError } from './services/startup-error';
import { syncHostOptions } from './services/sync-host';
import { createSyncService, type SyncService } from './services/sync-service';

const rendererDir = path.join(__dirname, '..', 'renderer');
// Thumbnails: require() finds sharp's native part in app.asar.unpacked; import() would not look there.
loadSharpWith(() => require('sharp') as Sharp);
const preloadPath = path.join(__dirname, 'preload.cjs');

// Must run before 'ready': app:// behaves like https (secure context, fetch, CSP).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let services: AppServices | undefined;
let syncService: SyncService | undefined;
/** The interface's language as the window last said; the system's until it does (the native dialogs use it). */
let interfaceLanguage: LanguageCode = 'en';

const notFound = () => new Response('Not found', { status: 404 });

/** app://ctpat/evidence-files/<sha256>[?thumb]: a stored evidence file or its thumbnail, from the data folder only. */
async function serveEvidenceFile(requestUrl: string, dataDir: string): Promise<Response> {
  const wanted = evidenceRequestFor(requestUrl);
  if (!wanted || wanted === 'invalid' || !isAppUrl(requestUrl)) return notFound();
  const served = await openEvidenceRequest(dataDir, wanted);
  if (!served) return notFound();
  // Streamed: an original can be tens of megabytes.
  const body = Readable.toWeb(createReadStream(served.path)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: evidenceResponseHeaders(served) });
}

function serveRendererFromAppProtocol(dataDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (evidenceRequestFor(request.url) !== null) return serveEvidenceFile(request.url, dataDir);
    const file = resolveStaticPath(request.url, rendererDir);
    if (!file || !existsSync(file)) return notFound();
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

/** The native open dialog for evidence, limited to the file types evidence may have. */
async function showEvidenceOpenDialog(): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: 'Attach evidence',
    buttonLabel: 'Attach',
    properties: ['openFile', 'multiSelections'],
    // GTK matches extensions case-sensitively, and cameras write IMG_0001.JPG.
    filters: [
      {
        name: 'Photos and documents',
        extensions: [...EVIDENCE_EXTENSIONS, ...EVIDENCE_EXTENSIONS.map((e) => e.toUpperCase())],
      },
    ],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** The HQ device token, encrypted with the OS keychain through safeStorage when the OS offers one. */
function hqCredentialStore(dataDir: string) {
  const { encrypted, plain } = CREDENTIAL_FILES;
  if (!safeStorage?.isEncryptionAvailable?.()) return fileCredentialStore(dataDir, undefined, plain, [encrypted]);
  const codec = {
    encode: (text: string) => safeStorage.encryptString(text),
    decode: (b: Buffer) => safeStorage.decryptString(b),
  };
  const store = fileCredentialStore(dataDir, codec, encrypted, [plain]);
  adoptPlainCredentials(dataDir, store);
  return store;
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1320,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'CTPAT Validator',
    webPreferences: mainWindowWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  askBeforeLeavingUnsavedWork(
    window.webContents,
    () => dialog.showMessageBoxSync(window, unsavedWorkQuestion(interfaceLanguage)) === CLOSE_ANYWAY,
  );
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  interfaceLanguage = systemLanguage(app.getPreferredSystemLanguages());
  const dataDir = resolveDataDir(process.argv, process.env, path.join(app.getPath('userData'), 'data'));
  const credentials = hqCredentialStore(dataDir);
  try {
    // The enrolled person acts (never the OS account); demo Members' validations stay on this computer.
    services = openAppServices({ dataDir, credentials, demoValidationsStayLocal: true });
  } catch (error) {
    const { title, content } = startupError(error, app.getPreferredSystemLanguages());
    dialog.showErrorBox(title, content);
    app.exit(1);
    return;
  }
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  serveRendererFromAppProtocol(dataDir);
  const sync = createSyncService(services.ctx, credentials, {
    ...syncHostOptions(services.ctx),
    // Every window hears the progress of a sync, whichever started it.
    emit: (event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
    },
    isOnline: () => net.isOnline(),
    // Chromium's network stack: the system proxy and the OS trust store, as agency laptops are set up.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init),
  });
  syncService = sync;
  const dispatch = createDispatcher(
    createHandlers(services.ctx, {
      version: app.getVersion(),
      dataDir,
      transport: 'electron',
      showOpenDialog: showEvidenceOpenDialog,
      showSaveDialog: showReportSaveDialog,
      printPdf: printReportWithElectron,
      emit: (event, payload) => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
      },
      sync,
      onInterfaceLanguage: (language) => {
        interfaceLanguage = language;
      },
    }),
    console.error,
    () => sync.noteRequestHandled(),
  );
  registerIpcHandlers(ipcMain, dispatch);
  createMainWindow();
  sync.startBackground();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

app.on('web-contents-created', (_event, contents) => {
  installNavigationGuards(contents, (url) => shell.openExternal(url));
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  syncService?.stop();
  services?.close();
});

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same store; focus the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void start();
}
