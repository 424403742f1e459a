import type { Locator, Page } from '@playwright/test';

/** The Members screen: a table of Member companies with a search box, their validations in each row. */
export class MembersPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Members' });
  }

  memberRows(): Locator {
    return this.page.getByTestId('member-row');
  }

  /** A Member's row, found by its row header (the legal name). */
  memberRow(legalName: string): Locator {
    return this.memberRows().filter({ has: this.page.getByRole('rowheader', { name: legalName, exact: true }) });
  }

  /** Older specs' names for the rows, from when each Member was a card. */
  memberCards(): Locator {
    return this.memberRows();
  }

  memberCard(legalName: string): Locator {
    return this.memberRow(legalName);
  }

  searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search Members' });
  }

  /** "Showing 3 of 500 Members". */
  count(): Locator {
    return this.page.getByTestId('members-count');
  }

  async search(text: string): Promise<void> {
    await this.searchBox().fill(text);
  }

  async sortBy(column: 'Member' | 'Account' | 'Last activity'): Promise<void> {
    await this.page.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  async startValidationOf(legalName: string): Promise<void> {
    await this.page.getByRole('link', { name: `Start validation for ${legalName}`, exact: true }).click();
  }

  async openMembers(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Members' }).click();
    await this.heading().waitFor();
  }
}
