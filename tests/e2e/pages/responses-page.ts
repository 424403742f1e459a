import { expect, type Locator, type Page } from '@playwright/test';

export type ResponseStatusLabel =
  | 'Overdue'
  | 'Due within 14 days'
  | 'Received, awaiting assessment'
  | 'Open'
  | 'Resolved';
export type AssessmentLabel = 'Accepted' | 'Not accepted' | 'More information requested';
/** A path on disk, or bytes with a name, as Playwright's setInputFiles takes them. */
export type MemberFileInput = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * After the worksheet: the Member responses work list, a validation's Member responses page (record a response
 * with the Member's files, assess it), and what the worksheet says of where the validation stands (state,
 * returned banner, returned findings).
 */
export class ResponsesPage {
  constructor(readonly page: Page) {}

  // ── The work list (#/responses) ──

  async openResponsesList(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: 'Member responses' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Member responses' })).toBeVisible();
    await expect(this.count()).not.toHaveText('Loading…');
  }

  /** "3 findings · today is …", announced as the list changes. */
  count(): Locator {
    return this.page.getByTestId('responses-count');
  }

  rows(): Locator {
    return this.page.getByTestId('response-row');
  }

  /** The row of one finding: by Member name and, when given, criterion. */
  row(memberName: string, criterionId?: string): Locator {
    const byMember = this.rows().filter({ has: this.page.getByRole('rowheader', { name: new RegExp(memberName) }) });
    return criterionId
      ? byMember.filter({ has: this.page.getByRole('cell', { name: criterionId, exact: true }) })
      : byMember;
  }

  /** Ticks exactly these statuses (USWDS hides the real checkbox: its label is clicked). */
  async showStatuses(statuses: ResponseStatusLabel[]): Promise<void> {
    const filters = this.page.getByRole('group', { name: 'Show findings that are' });
    for (const label of [
      'Overdue',
      'Due within 14 days',
      'Received, awaiting assessment',
      'Open',
      'Resolved',
    ] as const) {
      const box = filters.getByRole('checkbox', { name: label, exact: true });
      if ((await box.isChecked()) !== statuses.includes(label)) {
        await filters.getByText(label, { exact: true }).click();
      }
      await expect(box).toBeChecked({ checked: statuses.includes(label) });
    }
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  }

  async sortBy(label: string): Promise<void> {
    await this.page.getByLabel('Sort by').selectOption({ label });
  }

  /** From the list: the SCSS's own validation opens on its Member responses page. */
  async openFromList(memberName: string): Promise<void> {
    await this.row(memberName).first().getByRole('link', { name: memberName }).click();
    await this.expectResponsesSection();
  }

  // ── One validation's Member responses page (#/validations/<id>/responses) ──

  /** From anywhere in the worksheet: the side navigation's "Member responses" (there once approved). */
  async openResponsesSection(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Worksheet sections' })
      .getByRole('link', { name: /^Member responses/ })
      .click();
    await this.expectResponsesSection();
  }

  async expectResponsesSection(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 2, name: 'Member responses' })).toBeVisible();
    await expect(this.page.getByTestId('responses-facts')).toBeVisible();
  }

  finding(criterionId: string): Locator {
    return this.page.locator(`[data-testid="response-finding"][data-criterion="${criterionId}"]`);
  }

  /** "Resolved", "Received, awaiting your assessment", "No response yet", … */
  findingStatus(criterionId: string): Locator {
    return this.finding(criterionId).getByTestId('finding-status');
  }

  responses(criterionId: string): Locator {
    return this.finding(criterionId).getByTestId('member-response');
  }

  /** The due date line: "Dec 12, 2026 (10 days left)" or with "Response overdue". */
  dueDate(): Locator {
    return this.page.getByTestId('responses-due');
  }

  /**
   * Records a Member's response: date received (today unless given), corrective action, and files, each
   * stored and fingerprinted before the response is saved.
   */
  async recordResponse(
    criterionId: string,
    response: {
      correctiveAction: string;
      receivedOn?: string;
      files?: MemberFileInput[];
      /** Runs with the form filled in, before Save response (to look at the form). */
      beforeSave?: () => Promise<void>;
    },
  ): Promise<void> {
    const finding = this.finding(criterionId);
    const before = await this.responses(criterionId).count();
    await finding.getByRole('button', { name: `Record a Member response to ${criterionId}` }).click();
    const form = finding.getByRole('form', { name: `Record a Member response to ${criterionId}` });
    if (response.receivedOn) await form.getByLabel('Date received').fill(response.receivedOn);
    await form.getByLabel('Corrective action').fill(response.correctiveAction);
    for (const file of response.files ?? []) {
      const listed = await form.getByTestId('member-file').count();
      await form.getByTestId('member-file-input').setInputFiles(file);
      await expect(form.getByTestId('member-file')).toHaveCount(listed + 1);
    }
    await response.beforeSave?.();
    await form.getByRole('button', { name: 'Save response' }).click();
    await expect(form).toBeHidden();
    await expect(this.responses(criterionId)).toHaveCount(before + 1);
  }

  /** The files listed with one response: "name · size · SHA-256 abcdef012345…". */
  responseFiles(criterionId: string, index = -1): Locator {
    const responses = this.responses(criterionId);
    return (index < 0 ? responses.last() : responses.nth(index)).getByTestId('member-file');
  }

  /** Assesses the latest unassessed response to a finding; a note is required unless it is accepted. */
  async assess(criterionId: string, assessment: AssessmentLabel, note = ''): Promise<void> {
    const form = this.finding(criterionId)
      .getByRole('form', { name: new RegExp(`^Assess the response to ${criterionId.replace('.', '\\.')}`) })
      .first();
    await form.getByText(assessment, { exact: true }).click();
    await expect(form.getByRole('radio', { name: assessment, exact: true })).toBeChecked();
    if (note) await form.getByRole('textbox').fill(note);
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await expect(form).toBeHidden();
    await expect(this.responses(criterionId).last().getByTestId('assessment')).toContainText(assessment);
  }

  /** Shown once, when accepting the last open Action Required finding closed the validation. */
  closedAlert(): Locator {
    return this.page.getByTestId('closed-alert');
  }

  // ── What the worksheet says of where the validation stands ──

  /** The summary's workflow state: "Returned for correction", "Report issued, awaiting Member response", "Closed". */
  state(): Locator {
    return this.page.getByTestId('workflow-state');
  }

  overdueTag(): Locator {
    return this.page.getByRole('region', { name: 'Validation summary' }).getByTestId('response-overdue');
  }

  demoTag(): Locator {
    return this.page.getByTestId('demo-tag');
  }

  returnedBanner(): Locator {
    return this.page.getByTestId('returned-banner');
  }

  /** The reviewer's overall comment on the return. */
  returnedComment(): Locator {
    return this.returnedBanner().getByTestId('returned-comment');
  }

  /** Each returned or non-concurred finding in the banner (listed in full on Review and submit). */
  returnedFindings(): Locator {
    return this.returnedBanner().getByTestId('returned-finding');
  }

  /** Follows the banner's link to a returned finding's criterion card. */
  async openReturnedFinding(criterionId: string): Promise<Locator> {
    await this.returnedBanner()
      .getByRole('link', { name: new RegExp(`(^| )${criterionId.replace('.', '\\.')}$`) })
      .click();
    const card = this.page.locator(`[data-criterion="${criterionId}"][data-testid="criterion-card"]`);
    await expect(card).toBeFocused();
    return card;
  }

  /** The reviewer's words next to the finding on its criterion card. */
  returnedNote(criterionId: string): Locator {
    return this.page
      .locator(`[data-criterion="${criterionId}"][data-testid="criterion-card"]`)
      .getByTestId('returned-note');
  }
}
