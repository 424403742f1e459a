import { expect, type Locator, type Page } from '@playwright/test';

export type Result = 'Compliant' | 'Deficient' | 'Not applicable' | 'Not verified';

export class WorksheetPage {
  constructor(readonly page: Page) {}

  criterion(id: string): Locator {
    return this.page.locator(`[data-criterion="${id}"]`);
  }

  async openCategory(number: number, name: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Criteria categories' })
      .getByRole('link', { name: new RegExp(`^${number}\\. ${name}`) })
      .click();
    await expect(this.page.getByRole('heading', { level: 2, name: `${number}. ${name}` })).toBeVisible();
  }

  async answer(id: string, result: Result, notes?: string): Promise<void> {
    const card = this.criterion(id);
    await card.getByText(result, { exact: true }).click();
    if (notes !== undefined) {
      await card.getByLabel(`Notes for ${id}`).fill(notes);
      await card.getByLabel(`Notes for ${id}`).blur();
      await expect(card.getByLabel(`Notes for ${id}`)).toHaveAttribute('data-saved', 'true');
    }
    await expect(card.getByRole('radio', { name: result })).toBeChecked();
    await expect(card.getByTestId('saved')).toBeVisible();
  }

  async expectAnswer(id: string, result: Result, notes = ''): Promise<void> {
    const card = this.criterion(id);
    await expect(card.getByRole('radio', { name: result })).toBeChecked();
    await expect(card.getByLabel(`Notes for ${id}`)).toHaveValue(notes);
  }

  overallProgress(): Locator {
    return this.page.getByRole('region', { name: 'Validation summary' }).locator('.progress-meter__text');
  }

  saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }
}
