import { expect, type Locator, type Page } from '@playwright/test';

/** The Map screen: routes are SVG links named "From → To, status: …"; a table lists the same routes. */
export class MapScreen {
  readonly heading: Locator;
  readonly map: Locator;
  readonly routes: Locator;
  readonly table: Locator;
  readonly tableRows: Locator;
  readonly tooltip: Locator;
  readonly status: Locator;
  readonly country: Locator;
  readonly notes: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Map' });
    this.map = page.getByRole('group', { name: /^World map with/ });
    this.routes = this.map.getByRole('link');
    this.table = page.getByRole('table', { name: 'The routes drawn on the map, busiest first' });
    this.tableRows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
    this.tooltip = page.getByRole('tooltip');
    this.status = page.getByLabel('Status', { exact: true });
    this.country = page.getByLabel('Host country');
    this.notes = page.locator('.map-notes');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`./#/map${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** The route from one place to another (names as the route's label says them: "Baghdad, Iraq"). */
  route(from: string, to: string): Locator {
    return this.map.getByRole('link', { name: new RegExp(`^${escape(from)} → ${escape(to)},`) });
  }

  /** The stroke colour the route's line is drawn in, and the colour of the status variable it should use. */
  async colours(route: Locator, status: string): Promise<{ drawn: string; expected: string }> {
    const drawn = await route.locator('.route-line').evaluate((el) => getComputedStyle(el).stroke);
    const expected = await this.page.evaluate((s) => {
      const probe = document.createElement('span');
      probe.style.color = `var(--${s})`;
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    }, status);
    return { drawn, expected };
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
