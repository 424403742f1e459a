import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type AppServices, type AppServicesOptions, openAppServices } from '../../electron/services/app-services';

/**
 * A fresh data folder per test and a clock the test controls: every read advances one second, so
 * timestamps are distinct and known. open() may be called again after close() to reopen the folder.
 */
export function appServicesFixture(prefix: string, startIso = '2026-03-02T14:00:00.000Z') {
  let dataDir = '';
  let clockMs = 0;
  let services: AppServices | undefined;

  const clock = () => {
    const now = new Date(clockMs);
    clockMs += 1000;
    return now;
  };
  const close = () => {
    services?.close();
    services = undefined;
  };
  const open = (options: Partial<AppServicesOptions> = {}): AppServices => {
    services = openAppServices({ dataDir, actor: 'test.scss', now: clock, ...options });
    return services;
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    clockMs = Date.parse(startIso);
  });
  afterEach(() => {
    close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The time the clock will give next, without moving it. */
  const nextTime = () => new Date(clockMs).toISOString();

  return { open, close, clock, nextTime, dataDir: () => dataDir };
}
