import { expect, type Page } from '@playwright/test';
import { MembersPage } from './members-page';
import { FieldWorkPage } from './worksheet-page';

export class NewValidationPage {
  constructor(readonly page: Page) {}

  async fill(options: { mode: 'In person' | 'Virtual'; scheduledDate: string }): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Start a validation' }).waitFor();
    await this.page
      .locator('label')
      .filter({ hasText: new RegExp(`^${options.mode}`) })
      .click();
    await expect(this.page.getByRole('radio', { name: new RegExp(`^${options.mode}`) })).toBeChecked();
    await this.page.getByLabel('Scheduled date').fill(options.scheduledDate);
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create validation' }).click();
  }
}

/** From Members to a new validation's worksheet: *Start validation*, the mode and date, *Create*, its heading shown. */
export async function startValidation(
  page: Page,
  member: string,
  options: { mode: 'In person' | 'Virtual'; scheduledDate: string },
): Promise<FieldWorkPage> {
  await new MembersPage(page).startValidationOf(member);
  const form = new NewValidationPage(page);
  await form.fill(options);
  await form.create();
  await expect(page.getByRole('heading', { level: 1, name: member })).toBeVisible();
  return new FieldWorkPage(page);
}
