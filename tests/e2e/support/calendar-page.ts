import { expect, type Locator, type Page } from '@playwright/test';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-07-21" → "21 July 2020", as a day cell names itself. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** Page object for the Calendar: role-based locators only. */
export class CalendarScreen {
  readonly heading: Locator;
  readonly grid: Locator;
  readonly title: Locator;
  readonly month: Locator;
  readonly week: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly today: Locator;
  readonly goToDate: Locator;
  readonly go: Locator;
  readonly approximate: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Calendar' });
    this.grid = page.getByRole('grid');
    this.title = page.getByRole('heading', { level: 2 }).first();
    this.month = page.getByRole('button', { name: 'Month', exact: true });
    this.week = page.getByRole('button', { name: 'Week', exact: true });
    this.previous = page.getByRole('button', { name: /^← Previous/ });
    this.next = page.getByRole('button', { name: /^Next .* →$/ });
    this.today = page.getByRole('button', { name: 'Today' });
    this.goToDate = page.getByLabel('Go to date');
    this.go = page.getByRole('button', { name: 'Go', exact: true });
    this.approximate = page.getByRole('region', { name: 'Dated only to the month, year or a window' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`./#/calendar${query}`);
    await expect(this.heading).toBeVisible();
    await expect(this.grid).toBeVisible();
  }

  /** The grid cell of a day ("2020-07-21"), found by its accessible name ("Tuesday 21 July 2020 …"). */
  day(day: string): Locator {
    return this.grid.getByRole('gridcell', { name: new RegExp(`^\\w+day ${dayLabel(day)}\\b`) });
  }

  async jumpTo(day: string): Promise<void> {
    await this.goToDate.fill(day);
    await this.go.click();
  }
}
