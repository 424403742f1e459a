import type { Locator, Page } from '@playwright/test';

export class MembersPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Members' });
  }

  memberCards(): Locator {
    return this.page.getByTestId('member-card');
  }

  memberCard(legalName: string): Locator {
    return this.memberCards().filter({ has: this.page.getByRole('heading', { name: legalName }) });
  }

  async startValidationOf(legalName: string): Promise<void> {
    await this.page.getByRole('link', { name: `Start a validation of ${legalName}` }).click();
  }

  async openMembers(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Members' }).click();
    await this.heading().waitFor();
  }
}
