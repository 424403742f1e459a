import { expect, type Locator, type Page } from '@playwright/test';
import { holdAnswers } from '../hold-answer';

export type Decision = 'Concur' | 'Non-concur' | 'Return for correction';
export type ProposedClassification = 'Action required' | 'Recommendation' | 'No finding';
export type ReviewList = 'To review' | 'To approve';
export type ValidationAction = 'Return for correction' | 'Approve' | 'Issue the report' | 'Close the validation';
export type Queue =
  | 'Awaiting review'
  | 'Resubmitted'
  | 'Returned for correction'
  | 'Awaiting approval'
  | 'Approved, report not issued';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The field office's side of a validation's life: the work lists (#/reviews), one validation under review
 * (#/reviews/<id>) with a decision on each finding, and the steps on the whole validation (return, approve,
 * issue the report), with its state and history.
 */
export class ReviewPage {
  constructor(readonly page: Page) {}

  // ─── The work lists ──────────────────────────────────────────────────────────────────────────────────────

  /** From the header: "Reviews" (reviewer) or "Reviews and approvals" (supervisor). */
  async openList(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: /^Reviews( and approvals)?$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^Reviews( and approvals)?$/ })).toBeVisible();
    await expect(this.page.getByTestId('work-count')).not.toHaveText('Loading…');
  }

  /** Supervisors only: the reviewer's queue or the approval queue. */
  async showList(list: ReviewList): Promise<void> {
    const button = this.page.getByRole('button', { name: list, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(this.page.getByTestId('work-count')).toContainText(list === 'To review' ? 'to review' : 'to approve');
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  }

  /** USWDS draws its own box: the label is what takes the click. */
  async showQueue(queue: Queue, shown: boolean): Promise<void> {
    const box = this.page.getByRole('checkbox', { name: queue, exact: true });
    if ((await box.isChecked()) !== shown) {
      await this.page.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    }
    await expect(box).toBeChecked({ checked: shown });
  }

  async sortBy(label: string): Promise<void> {
    await this.page.getByLabel('Sort by').selectOption({ label });
  }

  /** One row per validation of the list on screen. */
  rows(): Locator {
    return this.page.getByTestId('work-item');
  }

  row(memberName: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name: memberName, exact: true }) });
  }

  emptyList(): Locator {
    return this.page.getByTestId('work-list-empty');
  }

  /** Opens a validation from the list by its Member's name. */
  async openValidation(memberName: string): Promise<void> {
    await this.row(memberName).getByRole('link', { name: memberName, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: memberName })).toBeVisible();
  }

  // ─── One validation ──────────────────────────────────────────────────────────────────────────────────────

  finding(criterionId: string): Locator {
    return this.page.locator(`[data-testid="finding-review"][data-criterion="${criterionId}"]`);
  }

  /** The decision shown on a finding: "Concur", "Non-concur", "Return for correction". */
  decisionOf(criterionId: string): Locator {
    return this.finding(criterionId).getByTestId('review-decision');
  }

  /**
   * Records a decision on one finding. Non-concur needs a proposed classification and a reason, Return for
   * correction a comment; a finding already decided in this round is opened with "Change decision".
   */
  async decide(
    criterionId: string,
    decision: Decision,
    options: { comment?: string; propose?: ProposedClassification } = {},
  ): Promise<void> {
    const card = this.finding(criterionId);
    const form = card.getByTestId('decision-form');
    if (!(await form.isVisible())) await card.getByRole('button', { name: /^Change decision/ }).click();
    await form.getByText(decision, { exact: true }).click();
    if (options.propose) await form.getByText(options.propose, { exact: true }).click();
    if (options.comment !== undefined) await form.getByRole('textbox').fill(options.comment);
    await form.getByRole('button', { name: 'Save decision' }).click();
  }

  /** decide() and wait until the card shows it saved. */
  async decideAndExpectSaved(
    criterionId: string,
    decision: Decision,
    options: { comment?: string; propose?: ProposedClassification } = {},
  ): Promise<void> {
    await this.decide(criterionId, decision, options);
    await expect(this.finding(criterionId).getByTestId('decision-saved')).toContainText('Decision saved');
    await expect(this.decisionOf(criterionId)).toHaveText(decision);
  }

  /** The form's refusal (a missing reason or classification), as the reviewer reads it. */
  decisionError(criterionId: string): Locator {
    return this.finding(criterionId).locator('.usa-error-message, [role="alert"]');
  }

  actions(): Locator {
    return this.page.getByTestId('validation-actions');
  }

  /** What the last step on the whole validation said (role="status"). */
  feedback(): Locator {
    return this.page.getByTestId('action-feedback');
  }

  /** "Concur with all remaining", confirmed; an optional comment goes on each concurrence. */
  async concurWithAllRemaining(comment = ''): Promise<void> {
    const confirm = this.page.getByTestId('confirm-concur-all');
    await this.openConfirmation(this.actions().getByRole('button', { name: /^Concur with all remaining/ }), confirm);
    if (comment) await confirm.getByLabel('Comment for each (optional)').fill(comment);
    await confirm.getByRole('button', { name: /^Concur with \d+$/ }).click();
    await expect(this.feedback()).toContainText('Concurred with');
  }

  /**
   * Presses a step's button once and expects its confirmation, as a person would see it. No second press: a lost
   * press is a defect to find (CI once lost one when a sync moved the steps; review-loop.spec guards that).
   * Only the step's own button is pressed, never the confirmation's button of the same name.
   */
  private async openConfirmation(button: Locator, confirm: Locator): Promise<void> {
    await button.and(this.page.getByTestId('step-button')).click();
    await expect(confirm).toBeVisible();
  }

  /** Where each step's button sits on the page (name → its box in page coordinates, whatever the scroll). */
  async stepBoxes(): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
    return this.actions()
      .getByTestId('step-button')
      .evaluateAll((buttons) =>
        Object.fromEntries(
          buttons.map((button) => {
            const box = button.getBoundingClientRect();
            const place = {
              x: box.x + window.scrollX,
              y: box.y + window.scrollY,
              width: box.width,
              height: box.height,
            };
            return [button.textContent?.trim() ?? '', place];
          }),
        ),
      );
  }

  /** The findings section (found by its heading's id, so in any language). */
  findingsSection(): Locator {
    return this.page.locator('section[aria-labelledby="findings-heading"]');
  }

  /**
   * The findings, the steps and the whole record, in document order (the order Tab and a screen reader take) and in
   * the order they are seen (top to bottom, then left to right).
   */
  async regionOrder(): Promise<{ document: string[]; seen: string[] }> {
    return this.page.evaluate(() => {
      const regions = [
        ['findings', document.querySelector('section[aria-labelledby="findings-heading"]')],
        ['steps', document.querySelector('[data-testid="validation-actions"]')],
        ['record', document.querySelector('[data-testid="whole-validation"]')],
      ] as const;
      const found = regions.flatMap(([name, element]) => (element ? [{ name, element }] : []));
      const inDocument = [...found]
        .sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
        .map((region) => region.name);
      const seen = found
        .map(({ name, element }) => ({ name, box: element.getBoundingClientRect() }))
        .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
        .map((region) => region.name);
      return { document: inDocument, seen };
    });
  }

  actionButton(action: ValidationAction): Locator {
    return this.actions().getByRole('button', { name: action, exact: true });
  }

  /** Why a step is not allowed now, as shown under its (disabled) button. */
  actionReason(action: ValidationAction): Locator {
    return this.actions()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: action, exact: true }) })
      .getByTestId('action-reason');
  }

  async expectActionRefused(action: ValidationAction, reason: string | RegExp): Promise<void> {
    await expect(this.actionButton(action)).toHaveAttribute('aria-disabled', 'true');
    await expect(this.actionReason(action)).toContainText(reason);
  }

  /** Presses Return for correction and gives back its confirmation (the comment box and its buttons). */
  async openReturn(): Promise<Locator> {
    const confirm = this.page.getByTestId('confirm-return');
    await this.openConfirmation(this.actionButton('Return for correction'), confirm);
    return confirm;
  }

  /**
   * Returns the whole validation to the SCSS with the (required) comment. `held`: the answer is held back until the
   * spec has seen the comment box read-only (what is sent is what was typed when the button was pressed).
   */
  async returnValidation(comment: string, options: { held?: boolean } = {}): Promise<void> {
    const confirm = await this.openReturn();
    const box = confirm.getByLabel(/What the SCSS must correct/);
    await box.fill(comment);
    const held = options.held ? await holdAnswers(this.page, 'workflow:transition') : null;
    await confirm.getByRole('button', { name: 'Return for correction', exact: true }).click();
    if (held) {
      await expect(box).not.toBeEditable();
      await expect(box).toHaveValue(comment);
      await held.release();
    }
  }

  async approve(): Promise<void> {
    const confirm = this.page.getByTestId('confirm-approve');
    await this.openConfirmation(this.actionButton('Approve'), confirm);
    await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(this.feedback()).toContainText('Approved');
  }

  async issueReport(): Promise<void> {
    const confirm = this.page.getByTestId('confirm-issue_report');
    await this.openConfirmation(this.actionButton('Issue the report'), confirm);
    await confirm.getByRole('button', { name: 'Issue the report', exact: true }).click();
    await expect(this.feedback()).toContainText('Report issued');
  }

  // ─── State and history ───────────────────────────────────────────────────────────────────────────────────

  lifecyclePanel(): Locator {
    return this.page.getByTestId('lifecycle-panel');
  }

  /** The current state's label, e.g. "In review", "Returned for correction", "Approved". */
  state(): Locator {
    return this.lifecyclePanel().getByTestId('lifecycle-state');
  }

  historyEntries(): Locator {
    return this.lifecyclePanel().getByTestId('history-entry');
  }

  /** Each step's kind in order (SUBMIT, START_REVIEW, RETURN, …), folded steps included. */
  async historyKinds(): Promise<string[]> {
    return this.historyEntries().evaluateAll((items) => items.map((item) => item.getAttribute('data-kind') ?? ''));
  }

  /** Each step's text in order: label, who (name and role), when, comment, and whether it has reached HQ. */
  async history(): Promise<string[]> {
    return this.historyEntries().evaluateAll((items) => items.map((item) => (item.textContent ?? '').trim()));
  }

  reportDate(): Locator {
    return this.lifecyclePanel().getByTestId('lifecycle-report-date');
  }

  reportFingerprint(): Locator {
    return this.lifecyclePanel().getByTestId('lifecycle-report-sha');
  }

  /** "Changes since your last review": one item per record added, changed or removed. */
  changes(): Locator {
    return this.page.getByTestId('review-change');
  }

  // ─── The whole validation, read-only ─────────────────────────────────────────────────────────────────────

  /** Unfolds a section of "The whole validation (read-only)": "4. Cybersecurity", "Sites", "Inspection checklists"… */
  async expandSection(title: string): Promise<Locator> {
    const button = this.page
      .getByTestId('whole-validation')
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const controls = await button.getAttribute('aria-controls');
    return this.page.locator(`[id="${controls}"]`);
  }

  criterionRow(criterionId: string): Locator {
    return this.page.locator(`[data-testid="criterion-row"][data-criterion="${criterionId}"]`);
  }

  /** Opens an evidence thumbnail (read-only) in its dialog. */
  async openEvidence(fileName: string, within: Locator = this.page.locator('body')): Promise<Locator> {
    await within
      .getByRole('button', { name: new RegExp(`^Open ${escapeRegExp(fileName)}`) })
      .first()
      .click();
    const dialog = this.page.getByTestId('evidence-dialog');
    await expect(dialog.getByRole('heading', { name: fileName })).toBeVisible();
    return dialog;
  }

  async closeEvidence(): Promise<void> {
    await this.page.getByTestId('evidence-dialog').getByRole('button', { name: 'Close' }).click();
    await expect(this.page.getByTestId('evidence-dialog')).toHaveCount(0);
  }
}
