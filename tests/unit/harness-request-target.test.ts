import { describe, expect, it } from 'vitest';
import { harnessForFile, type RawResponse, sendRawRequest } from './harness-fixture';

const fixture = harnessForFile('ctpat-harness-target-');

/** Sends one request from the page, exactly as written. */
const sendRaw = (method: string, target: string, body = ''): Promise<RawResponse> =>
  sendRawRequest(
    fixture.origin,
    { method, target, headers: [`Origin: ${fixture.origin}`, 'Content-Type: application/json'], body },
    2000,
  );

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
