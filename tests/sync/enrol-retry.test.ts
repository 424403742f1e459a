import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../electron/services/app-services';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { createSyncService } from '../../electron/services/sync-service';
import { issueEnrolmentCode } from '../../hq/identity';
import { AppError } from '../../shared/ipc/envelope';
import { BACKENDS } from '../hq/helpers';
import { manualClock, sharedHqPerTest } from './sync-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Makes HQ cut its first enrolment answer after HQ committed it, as when Wi-Fi drops. */
function loseFirstEnrolmentAnswer(app: FastifyInstance) {
  let answersToDrop = 1;
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.url === '/v1/enroll' && answersToDrop > 0) {
      answersToDrop -= 1;
      request.raw.socket.destroy();
    }
    return payload;
  });
}

function laptop() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-enrol-retry-'));
  const services = openAppServices({ dataDir, actor: 'dana.ruiz' });
  const sync = createSyncService(services.ctx, fileCredentialStore(dataDir), { setTimer: manualClock().setTimer });
  cleanups.push(() => {
    sync.stop();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return sync;
}

describe.each(BACKENDS)('enrolling a laptop whose first answer is lost, HQ on %s', (backend) => {
  const hq = sharedHqPerTest(backend, { listen: true, configure: loseFirstEnrolmentAnswer });

  it('enrols on the second try with the same code, as one device', async () => {
    const { code, user } = await issueEnrolmentCode(hq.db, { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
    const sync = laptop();
    const request = { hqUrl: hq.baseUrl, code, deviceName: 'Dana’s laptop' };

    const lost = await sync.enroll(request).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(AppError);
    expect((lost as AppError).message).toMatch(/could not be reached/);
    expect(sync.status().enrolled).toBe(false);

    const status = await sync.enroll(request);

    expect(status).toMatchObject({ enrolled: true, userName: 'Dana Ruiz', userRole: 'SCSS' });
    const devices = await hq.db.query<{ user_id: string }>('SELECT user_id FROM devices');
    expect(devices).toEqual([{ user_id: user.id }]);
    // The token the laptop kept is the one HQ accepts.
    await expect(sync.syncNow()).resolves.toMatchObject({ state: 'idle', lastError: null });
  });
});

describe('enrolling against an address that is not HQ', () => {
  /** A real web server that is not HQ: another site (404), or a hotel's sign-in page answering 200 with HTML. */
  async function notHq(status: number) {
    const server = http.createServer((_request, response) => {
      response.writeHead(status, { 'content-type': 'text/html' });
      response.end('<html><body>Welcome! Sign in to the guest Wi-Fi.</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('says the address is not HQ, for a 404, a 405 and a sign-in page, and stays unenrolled', async () => {
    for (const status of [404, 405, 200]) {
      const sync = laptop();
      const hqUrl = await notHq(status);
      const refused = await sync.enroll({ hqUrl, code: 'ABCD-EFGH-JKLM', deviceName: 'Dana’s laptop' }).catch((e) => e);
      expect(refused, String(status)).toBeInstanceOf(AppError);
      expect((refused as AppError).message).toBe(
        `The server at ${hqUrl} answered, but not as CTPAT HQ: check the address. On hotel or guest Wi-Fi, sign in to the network first.`,
      );
      expect(sync.status().enrolled).toBe(false);
    }
  });
});
