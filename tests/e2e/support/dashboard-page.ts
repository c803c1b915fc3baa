import { expect, type Locator, type Page } from '@playwright/test';

/** The Dashboard: every chart item is a link named with its count. */
export class DashboardScreen {
  readonly heading: Locator;
  readonly byStatus: Locator;
  readonly topCountries: Locator;
  readonly perYear: Locator;
  readonly nextPlanned: Locator;
  readonly postponed: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.byStatus = page.getByRole('region', { name: 'By status' });
    this.topCountries = page.getByRole('region', { name: 'Top host countries' });
    this.perYear = page.getByRole('region', { name: 'Visits per year' });
    this.nextPlanned = page.getByRole('region', { name: 'Next planned visits' });
    this.postponed = page.getByRole('region', { name: 'Recently postponed' });
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/dashboard');
    await expect(this.heading).toBeVisible();
  }

  /** The status bar: its link is named "N <status> visit(s): list them". */
  statusLink(status: string): Locator {
    return this.byStatus.getByRole('link', { name: new RegExp(`^[\\d,]+ ${status} visits?: list them$`) });
  }

  yearLink(year: number): Locator {
    return this.perYear.getByRole('link', { name: new RegExp(`^${year}: `) });
  }
}
