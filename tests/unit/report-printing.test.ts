import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { printReportWithElectron } from '../../electron/main/report-printing';
import { type EmbeddedPhoto, servedPhotoUrl } from '../../shared/report/embedded-photo';

/**
 * Electron's print path, wired against a stand-in `electron` module: no Electron binary runs here, so this checks
 * what the code asks of Electron (the window, the request filter, the photo answers, printToPDF's options) and that
 * it cleans up after itself, not that Electron prints. No spec prints through Electron either: the desktop app's
 * saves go through the native dialog, which a spec cannot answer (`tests/e2e/reports.spec.ts`).
 */

type BeforeRequest = (details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void;
type Handler = (request: { url: string }) => Response | Promise<Response>;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{
      options: Record<string, unknown>;
      destroyed: boolean;
      loaded: { path: string; html: string; mode: number } | null;
    }>,
    beforeRequest: undefined as BeforeRequest | null | undefined,
    onLoad: undefined as undefined | ((file: string) => void),
    https: undefined as Handler | undefined,
    unhandled: [] as string[],
    printOptions: undefined as Record<string, unknown> | undefined,
    loadFails: false,
  };
  class FakeWindow {
    private readonly record: (typeof state.windows)[number];
    readonly webContents: unknown;
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false, loaded: null };
      state.windows.push(this.record);
      const session = {
        webRequest: {
          onBeforeRequest: (listener: BeforeRequest | null) => {
            state.beforeRequest = listener;
          },
        },
        protocol: {
          handle: (scheme: string, handler: Handler) => {
            if (scheme === 'https') state.https = handler;
          },
          unhandle: (scheme: string) => state.unhandled.push(scheme),
        },
      };
      this.webContents = {
        session,
        printToPDF: async (options: Record<string, unknown>) => {
          state.printOptions = options;
          return Buffer.from('%PDF-1.7 stand-in');
        },
      };
    }
    async loadFile(file: string) {
      // Read now: the printer deletes the file once it is done.
      const { readFileSync, statSync } = await import('node:fs');
      this.record.loaded = { path: file, html: readFileSync(file, 'utf8'), mode: statSync(file).mode & 0o777 };
      state.onLoad?.(file);
      if (state.loadFails) throw new Error('ERR_FILE_NOT_FOUND (-6) loading the report');
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { state, electron: { BrowserWindow: FakeWindow, dialog: {} } };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const HASH = 'a'.repeat(64);
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2w==', 'base64');
const PHOTOS = new Map<string, EmbeddedPhoto>([
  [HASH, { dataUri: `data:image/jpeg;base64,${JPEG.toString('base64')}`, width: 1200, height: 900 }],
]);
const HTML = `<!doctype html><title>Validation report</title><img src="${servedPhotoUrl(HASH)}">`;
const OPTIONS = { marking: 'CONTROLLED UNCLASSIFIED INFORMATION', draft: true, language: 'en' as const };

const allowed = (url: string): boolean => {
  let cancel = true;
  fake.state.beforeRequest?.({ url }, (answer) => {
    cancel = answer.cancel;
  });
  return !cancel;
};

beforeEach(() => {
  Object.assign(fake.state, {
    windows: [],
    beforeRequest: undefined,
    https: undefined,
    unhandled: [],
    printOptions: undefined,
    onLoad: undefined,
    loadFails: false,
  });
});

describe("Electron's report printer (against a stand-in electron module)", () => {
  it('prints the page from a private temporary file in a hidden, script-less window of its own session', async () => {
    const pdf = await printReportWithElectron(HTML, OPTIONS, PHOTOS);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 stand-in');
    const [window] = fake.state.windows;
    expect(window?.options).toEqual({
      show: false,
      webPreferences: { javascript: false, sandbox: true, partition: 'report-print', spellcheck: false },
    });
    expect(window?.loaded).toMatchObject({ html: HTML, mode: 0o600 });
    expect(fake.state.printOptions).toMatchObject({
      pageSize: 'Letter',
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: true,
    });
    expect(String(fake.state.printOptions?.headerTemplate)).toContain('CONTROLLED UNCLASSIFIED INFORMATION');
    expect(String(fake.state.printOptions?.footerTemplate)).toContain('DRAFT');
  });

  it('lets the page load its own file and its photos only, and answers a photo with its bytes', async () => {
    const unknownPhoto = servedPhotoUrl('b'.repeat(64));
    let seen: { allowed: Record<string, boolean>; answers: Array<Promise<Response> | undefined> } | undefined;
    // Checked as the page meets them: while it loads, before the print cleans up.
    fake.state.onLoad = (file) => {
      const own = pathToFileURL(file).href;
      const urls = [own, servedPhotoUrl(HASH), unknownPhoto, 'https://example.com/t.gif', 'file:///etc/passwd'];
      seen = {
        allowed: Object.fromEntries(urls.map((url) => [url === own ? 'own file' : url, allowed(url)])),
        answers: [servedPhotoUrl(HASH), unknownPhoto].map((url) => fake.state.https?.({ url }) as Promise<Response>),
      };
    };
    await printReportWithElectron(HTML, OPTIONS, PHOTOS);
    expect(seen?.allowed).toEqual({
      'own file': true,
      [servedPhotoUrl(HASH)]: true,
      [unknownPhoto]: false,
      'https://example.com/t.gif': false,
      'file:///etc/passwd': false,
    });
    const [photo, unknown] = await Promise.all(seen?.answers ?? []);
    expect(photo?.status).toBe(200);
    expect(photo?.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await (photo as Response).arrayBuffer())).toEqual(JPEG);
    expect(unknown?.status).toBe(404);
  });

  it('leaves no temporary file, window or https handler behind, whether the print succeeds or fails', async () => {
    await printReportWithElectron(HTML, OPTIONS, PHOTOS);
    fake.state.loadFails = true;
    await expect(printReportWithElectron(HTML, OPTIONS, PHOTOS)).rejects.toThrow(/ERR_FILE_NOT_FOUND/);
    expect(fake.state.windows).toHaveLength(2);
    for (const window of fake.state.windows) {
      expect(window.destroyed).toBe(true);
      expect(window.loaded?.path).toMatch(/ctpat-report-.+\.html$/);
      expect(fs.existsSync(window.loaded?.path as string)).toBe(false);
    }
    expect(fake.state.unhandled).toEqual(['https', 'https']);
    // The filter let go of the last report's photos.
    expect(fake.state.beforeRequest).toBeNull();
  });
});
