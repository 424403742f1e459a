import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { harnessForFile } from './harness-fixture';

const fixture = harnessForFile('ctpat-harness-target-');

type RawResponse = { status: number; body: string };

/** Sends one request exactly as written (fetch and http.request would normalise the target first). */
function sendRaw(method: string, target: string, body = ''): Promise<RawResponse> {
  const { hostname, port } = new URL(fixture.origin);
  const head = [
    `${method} ${target} HTTP/1.0`,
    `Host: ${hostname}:${port}`,
    `Origin: ${fixture.origin}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    // A harness that stopped answering shows as status 0 rather than a hung test.
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    // Written, not ended: a half-closed socket would be dropped before the answer is sent.
    socket.write(`${head}\r\n\r\n${body}`);
  });
}

/** The harness still answers a well-formed request from the page. */
async function stillAnswers(): Promise<void> {
  const { status, body } = await sendRaw('POST', '/api/invoke/app%3Ainfo', '{}');
  expect(status).toBe(200);
  expect(body).toContain('"ok":true');
}

describe('the web harness and malformed request targets', () => {
  it.each(['//', '/\\', '//:99999', '//:99999/api/invoke/app%3Ainfo', '*'])(
    'answers GET %s with 400 or 404 and keeps running',
    async (target) => {
      const { status } = await sendRaw('GET', target);
      expect([400, 404]).toContain(status);
      await stillAnswers();
    },
  );

  it.each(['//', '/\\', '//:99999'])('answers POST %s with 400 or 404 and keeps running', async (target) => {
    const { status } = await sendRaw('POST', target, '{}');
    expect([400, 404, 405]).toContain(status);
    await stillAnswers();
  });

  it('refuses a channel name with broken percent-encoding with a 400 envelope', async () => {
    const { status, body } = await sendRaw('POST', '/api/invoke/%E0%A4%A', '{}');
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await stillAnswers();
  });

  it('answers a page address with broken percent-encoding with 400 or 404', async () => {
    for (const target of ['/api/%E0%A4%A', '/%E0%A4%A', '/evidence-files/%E0%A4%A']) {
      const { status } = await sendRaw('GET', target);
      expect([400, 404]).toContain(status);
    }
    await stillAnswers();
  });
});
