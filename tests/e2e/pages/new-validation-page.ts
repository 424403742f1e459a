import { expect, type Page } from '@playwright/test';

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
