import type { Page } from '@playwright/test';
import type { Worksheet } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { expect } from './fixtures';

/** What the store holds for a validation, read through the same window API the renderer uses. */
export async function storedWorksheet(page: Page, validationId: string): Promise<Worksheet> {
  const envelope = await page.evaluate(
    (id) =>
      (
        window as unknown as {
          api: { worksheet: { open: (r: { validationId: string }) => Promise<Envelope<unknown>> } };
        }
      ).api.worksheet.open({ validationId: id }),
    validationId,
  );
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as Worksheet;
}

/** One call to the app's own API from the page (window.api), unwrapped: for setting up what other specs test by hand. */
export async function invoke<T>(page: Page, channel: string, request: unknown): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      type Envelope = { ok: true; value: unknown } | { ok: false; error: { message: string } };
      const [domain, action] = name.split(':') as [string, string];
      const api = (window as unknown as { api: Record<string, Record<string, (r: unknown) => Promise<Envelope>>> }).api;
      const call = api[domain]?.[action];
      if (!call) throw new Error(`No ${name} in window.api`);
      const envelope = await call(body);
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
      return envelope.value;
    },
    [channel, request] as const,
  ) as Promise<T>;
}

/**
 * Every criterion still without a result becomes Compliant (answering by keyboard is tested elsewhere). The
 * renderer does not see these saves: reload the worksheet before reading it on screen.
 */
export async function answerTheRestCompliant(page: Page, validationId: string): Promise<void> {
  const worksheet = await storedWorksheet(page, validationId);
  const done = new Set(worksheet.responses.filter((r) => r.result !== null).map((r) => r.criterionId));
  const rest = worksheet.criteria.filter((c) => !done.has(c.id));
  expect(rest.length).toBeGreaterThan(50);
  for (const c of rest) {
    await invoke(page, 'responses:save', { validationId, criterionId: c.id, result: 'COMPLIANT' });
  }
}
