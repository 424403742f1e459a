import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startHarness } from '../../electron/harness/server';

/** One web harness on a free port over a fresh data folder for the whole file; read its fields inside tests. */
export function harnessForFile(prefix: string) {
  const fixture = {} as { harness: Awaited<ReturnType<typeof startHarness>>; dataDir: string; origin: string };
  beforeAll(async () => {
    fixture.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fixture.harness = await startHarness(['node', 'server', `--data-dir=${fixture.dataDir}`, '--port=0'], {
      CTPAT_ACTOR: 'harness.test',
    });
    fixture.origin = fixture.harness.url.replace(/\/$/, '');
  });
  afterAll(async () => {
    await fixture.harness?.close();
    if (fixture.dataDir) fs.rmSync(fixture.dataDir, { recursive: true, force: true });
  });
  return fixture;
}

export type RawRequest = {
  method: string;
  target: string;
  /** Header lines as written, without Host, Content-Length and Connection (added here). */
  headers: string[];
  body: string;
};
export type RawResponse = { status: number; body: string };

/**
 * Sends one HTTP/1.0 request byte for byte (fetch and http.request would normalise the target first); a harness
 * that stopped answering shows as status 0 rather than a hung test.
 */
export function sendRawRequest(origin: string, request: RawRequest, timeoutMs = 5000): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const head = [
    `${request.method} ${request.target} HTTP/1.0`,
    `Host: ${hostname}:${port}`,
    ...request.headers,
    `Content-Length: ${Buffer.byteLength(request.body)}`,
    'Connection: close',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    // Written, not ended: a half-closed socket would be dropped before the answer is sent.
    socket.write(`${head}\r\n\r\n${request.body}`);
  });
}
