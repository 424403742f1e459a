import { expect, type Locator, type Page } from '@playwright/test';
import { holdAnswers } from '../hold-answer';

export type ItemStatus = 'Pass' | 'Fail' | 'Not applicable';

/** The inspection checklists inside one criterion card (5.3, 6.7). */
export class ChecklistPanelPage {
  readonly panel: Locator;

  constructor(
    readonly page: Page,
    card: Locator,
  ) {
    this.panel = card.getByTestId('checklist-panel');
  }

  inspections(): Locator {
    return this.panel.getByTestId('inspection');
  }

  /** One recorded inspection, by its heading ("8-point container inspection: MSKU 123456-7"). */
  inspection(title: string): Locator {
    return this.panel.getByRole('region', { name: title, exact: true });
  }

  /** `held`: the answer is held back until the spec has seen the form held (nothing can be typed into it). */
  async add(options: { kind?: string; label: string; refrigerated?: boolean; held?: boolean }): Promise<void> {
    const form = this.panel.getByRole('form', { name: /^Add an inspection/ });
    if (options.kind) {
      await form.locator('label').filter({ hasText: options.kind }).click();
      await expect(form.getByRole('radio', { name: options.kind })).toBeChecked();
    }
    await form.getByRole('textbox').fill(options.label);
    if (options.refrigerated) {
      await form.locator('label').filter({ hasText: 'Refrigerated container' }).click();
      await expect(form.getByRole('checkbox', { name: /Refrigerated container/ })).toBeChecked();
    }
    const before = await this.inspections().count();
    const held = options.held ? await holdAnswers(this.page, 'checklists:save') : null;
    await form.getByRole('button', { name: 'Add inspection' }).click();
    if (held) {
      await expect(form.getByRole('textbox')).toBeDisabled();
      await expect(form.getByRole('textbox')).toHaveValue(options.label);
      await held.release();
    }
    await expect(this.inspections()).toHaveCount(before + 1);
    await expect(form.getByRole('textbox')).toBeEnabled();
  }

  /** Clicks the visible Pass / Fail / N/A label, as a user does, and waits for the save. */
  async record(inspection: Locator, item: string, status: ItemStatus, note?: string): Promise<void> {
    const radio = inspection.getByRole('radio', { name: `${item}: ${status}`, exact: true });
    const id = await radio.getAttribute('id');
    await inspection.locator(`label[for="${id}"]`).click();
    await expect(radio).toBeChecked();
    if (note !== undefined) {
      const field = inspection.getByRole('textbox', { name: `Note on ${item}`, exact: true });
      await field.fill(note);
      await field.blur();
    }
    await expect(inspection.getByTestId('inspection-saved')).toBeVisible();
  }

  async expectItem(inspection: Locator, item: string, status: ItemStatus, note = ''): Promise<void> {
    await expect(inspection.getByRole('radio', { name: `${item}: ${status}`, exact: true })).toBeChecked();
    await expect(inspection.getByRole('textbox', { name: `Note on ${item}`, exact: true })).toHaveValue(note);
  }
}

/** The virtual session log page of a virtual validation. */
export class SessionLogPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Worksheet sections' })
      .getByRole('link', { name: 'Virtual session log' })
      .click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Virtual session log' })).toBeVisible();
  }

  session(number: number): Locator {
    return this.page.getByRole('form', { name: new RegExp(`^Session ${number}\\b`) });
  }

  entry(session: Locator, legend: string): Locator {
    return session.getByRole('group', { name: legend, exact: true });
  }

  /** Adds each participant after those listed (the focus lands on each new name) and fills in who they are. */
  async addParticipants(session: Locator, participants: readonly Participant[]): Promise<void> {
    const listed = await session.getByRole('group', { name: /^Participant \d+$/ }).count();
    for (const [index, who] of participants.entries()) {
      await session.getByRole('button', { name: 'Add participant' }).click();
      const participant = this.entry(session, `Participant ${listed + index + 1}`);
      await expect(participant.getByLabel('Name')).toBeFocused();
      await participant.getByLabel('Name').fill(who.name);
      await participant.getByLabel('Role').selectOption(who.role);
      await participant.getByLabel('Organization').fill(who.organization);
    }
  }
}

export type Participant = { name: string; role: string; organization: string };

/** The two people of the Houston office's virtual sessions with Gulf Coast Home Goods. */
export const HOUSTON_SESSION_PARTICIPANTS: readonly Participant[] = [
  { name: 'Dana Ruiz', role: 'CBP SCSS', organization: 'CBP Houston Field Office' },
  { name: 'Lee Chen', role: 'Company CTPAT point of contact', organization: 'Gulf Coast Home Goods' },
];
