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
    await card
      .locator('.result-group label')
      .filter({ hasText: new RegExp(`^${result}`) })
      .click();
    if (notes !== undefined) {
      await card.getByLabel(`Notes for ${id}`).fill(notes);
      await card.getByLabel(`Notes for ${id}`).blur();
      await expect(card.getByLabel(`Notes for ${id}`)).toHaveAttribute('data-saved', 'true');
    }
    await expect(card.getByRole('radio', { name: new RegExp(`^${result}`) })).toBeChecked();
    await expect(card.getByTestId('saved')).toBeVisible();
  }

  async expectAnswer(id: string, result: Result, notes = ''): Promise<void> {
    const card = this.criterion(id);
    await expect(card.getByRole('radio', { name: new RegExp(`^${result}`) })).toBeChecked();
    await expect(card.getByLabel(`Notes for ${id}`)).toHaveValue(notes);
  }

  overallProgress(): Locator {
    return this.page.getByRole('region', { name: 'Progress and saving' }).locator('.progress-meter__text');
  }

  saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }
}

/** Sites, findings, keyboard answering and Review and submit: the rest of the field job. */
export class FieldWorkPage extends WorksheetPage {
  async openSection(name: 'Sites' | 'Virtual session log' | 'Review and submit'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Worksheet sections' })
      .getByRole('link', { name: new RegExp(`^${name}`) })
      .click();
    await expect(this.page.getByRole('heading', { level: 2, name })).toBeVisible();
  }

  async addSite(site: { name: string; type: string; address: string; visitDate: string }): Promise<void> {
    await this.openSection('Sites');
    await this.page.getByRole('button', { name: 'Add a site' }).click();
    const form = this.page.getByRole('form', { name: 'Add a site' });
    await form.getByLabel('Site name').fill(site.name);
    await form.getByLabel('Site type').selectOption({ label: site.type });
    await form.getByLabel('Address').fill(site.address);
    await form.getByLabel('Visit date').fill(site.visitDate);
    await form.getByRole('button', { name: 'Add site' }).click();
    await expect(this.page.getByTestId('site').filter({ hasText: site.name })).toBeVisible();
  }

  /** Answers every unanswered criterion in every category with the keyboard: focus, press a key, move on. */
  async answerRemainingWithKeyboard(key: 'c' | 'v' = 'c'): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: 'Criteria categories' });
    for (let category = 1; category <= 12; category++) {
      await nav.getByRole('link', { name: new RegExp(`^${category}\\. `) }).click();
      await expect(this.page.getByRole('heading', { level: 2, name: new RegExp(`^${category}\\. `) })).toBeVisible();
      const cards = this.page.getByTestId('criterion-card');
      const count = await cards.count();
      for (let i = 0; i < count; i++) {
        const card = cards.nth(i);
        const results = card.locator('.result-group').getByRole('radio', { checked: true });
        if ((await results.count()) > 0) continue;
        await card.focus();
        await this.page.keyboard.press(key);
        await expect(results).toHaveCount(1);
      }
      await expect(this.saveStatus()).not.toContainText('Saving');
    }
  }

  async fillFinding(
    id: string,
    finding: { reason: string; description: string; classification?: string },
  ): Promise<void> {
    const editor = this.criterion(id).getByTestId('finding-editor');
    await expect(editor).toBeVisible();
    if (finding.classification) {
      await editor.getByText(finding.classification, { exact: true }).click();
      await expect(editor.getByRole('radio', { name: finding.classification })).toBeChecked();
    }
    await editor.getByLabel('Deficiency reason').selectOption({ label: finding.reason });
    await expect(editor.getByText('Finding saved')).toBeVisible();
    await editor.getByLabel('Description of the deficiency').fill(finding.description);
    await editor.getByLabel('Description of the deficiency').blur();
    await expect(editor.getByLabel('Description of the deficiency')).toHaveAttribute('data-saved', 'true');
  }

  /** USWDS hides the real checkbox off-screen; a person clicks its label. */
  async checkMethod(id: string, method: string): Promise<void> {
    const card = this.criterion(id);
    await card.locator('.method-group label').filter({ hasText: method }).click();
    await expect(card.getByRole('checkbox', { name: method })).toBeChecked();
  }

  async justifyNotApplicable(id: string, text: string): Promise<void> {
    const field = this.criterion(id).getByLabel(new RegExp(`^Why ${id.replace('.', '\\.')} does not apply`));
    await field.fill(text);
    await field.blur();
    await expect(field).toHaveAttribute('data-saved', 'true');
  }

  async attest(): Promise<void> {
    await this.page.getByText('I verified the criteria as recorded in this worksheet.').click();
    await expect(
      this.page.getByRole('checkbox', { name: 'I verified the criteria as recorded in this worksheet.' }),
    ).toBeChecked();
  }

  problems(): Locator {
    return this.page.getByTestId('problem');
  }

  async submit(signedByName: string): Promise<void> {
    await this.openSection('Review and submit');
    await expect(this.page.getByText('Ready to submit')).toBeVisible();
    await this.page.getByLabel('Your full name (signature)').fill(signedByName);
    await this.attest();
    await this.page.getByRole('button', { name: 'Submit validation for review' }).click();
    await expect(this.page.getByTestId('submitted-summary')).toBeVisible();
  }
}
