import type { Page } from '@playwright/test';
import type { Worksheet } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';

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
