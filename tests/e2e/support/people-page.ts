import type { Locator, Page } from '@playwright/test';

/** The People screens, found by role and name as a user sees them. */
export class PeoplePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'People' });
  }

  get findBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Find people' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openPerson(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  visitsAsTraveller(): Locator {
    return this.page.getByRole('table', { name: 'Visits as traveller' });
  }

  async edit(): Promise<void> {
    await this.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: /^Edit / }).waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
}
