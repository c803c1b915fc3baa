import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Timeline: role-based locators only. */
export class TimelineScreen {
  readonly heading: Locator;
  readonly chart: Locator;
  readonly caption: Locator;
  readonly lanes: Locator;
  readonly zoomIn: Locator;
  readonly zoomOut: Locator;
  readonly today: Locator;
  readonly laneBy: Locator;
  readonly events: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Timeline' });
    this.chart = page.getByRole('group', { name: /^Timeline chart/ });
    this.caption = page.getByRole('status').filter({ hasText: /^Showing / });
    this.lanes = page
      .getByRole('list', { name: /^Lanes by / })
      .getByRole('listitem')
      .filter({ has: page.getByRole('list', { name: /^Visits of / }) });
    this.zoomIn = page.getByRole('button', { name: 'Zoom in' });
    this.zoomOut = page.getByRole('button', { name: 'Zoom out' });
    this.today = page.getByRole('button', { name: 'Today' });
    this.laneBy = page.getByRole('combobox', { name: 'Lanes by' });
    this.events = page.getByRole('list', { name: 'Context events' }).getByRole('listitem');
    this.table = page.getByRole('table', { name: 'Visits shown on the timeline' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`./#/timeline${query}`);
    await expect(this.heading).toBeVisible();
    await expect(this.caption).toBeVisible();
  }

  preset(name: 'Decades' | 'Years' | 'Months' | 'Weeks' | 'Days'): Locator {
    return this.page.getByRole('group', { name: 'Zoom presets' }).getByRole('button', { name });
  }

  lane(name: string | RegExp): Locator {
    return this.page.getByRole('list', { name: typeof name === 'string' ? `Visits of ${name}` : name });
  }

  /** A visit on the timeline (its link, named by its description). */
  visit(name: string | RegExp): Locator {
    return this.chart.getByRole('link', { name });
  }

  /** The dashed "originally planned" ghost bar of a postponed visit. */
  ghost(visit: Locator): Locator {
    return visit.getByRole('img', { name: /^Originally planned/ });
  }

  /** The visible window as the caption states it, e.g. "1 Jun 2020 – 30 Nov 2020". */
  async window(): Promise<string> {
    const text = (await this.caption.textContent()) ?? '';
    return /Showing (.+? – .+?\d{4})/.exec(text)?.[1] ?? '';
  }
}
