import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledHsgFolder } from '../support-build/hsg-scale';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { MapScreen } from './support/map-page';
import { SEED } from './support/seed-refs';

/** Serious and critical accessibility violations on the page (axe-core). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

const ROUTES = [
  { to: 'Tehran, Iran', status: 'completed', visit: SEED.tehranVisit },
  { to: 'Riyadh, Saudi Arabia', status: 'postponed', visit: SEED.saudiVisit },
  { to: 'Washington, United States', status: 'planned', visit: SEED.washingtonVisit },
] as const;

test.describe('Map', () => {
  // Axe and colour checks in two themes take a while on a loaded machine.
  test.describe.configure({ timeout: 90_000 });

  test('the Map draws Baghdad→Tehran, Baghdad→Riyadh and Baghdad→Washington with their status colours', async ({ page }) => {
    const map = new MapScreen(page);
    await map.goto();
    await expect(map.routes).toHaveCount(3);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const r of ROUTES) {
        const route = map.route('Baghdad, Iraq', r.to);
        await expect(route).toHaveAttribute('data-status', r.status);
        await expect(route).toHaveAttribute('href', `#/visits/${r.visit}`);
        await expect(route).toHaveAccessibleName(new RegExp(`, ${r.status}: Mustafa al-Kadhemi, `));
        const { drawn, expected } = await map.colours(route, r.status);
        expect(drawn, `${r.to} in ${scheme}`).toBe(expected);
        // A real, visible line (not an empty path).
        const box = await route.locator('.route-line').boundingBox();
        expect(box && box.width + box.height).toBeGreaterThan(20);
      }
    }
    // The three statuses have three different colours.
    const colours = await Promise.all(ROUTES.map(async (r) => (await map.colours(map.route('Baghdad, Iraq', r.to), r.status)).drawn));
    expect(new Set(colours).size).toBe(3);
    // The text alternative lists the same routes.
    await expect(map.tableRows).toHaveCount(3);
    for (const r of ROUTES) {
      await expect(map.tableRows.filter({ hasText: r.to })).toContainText(`Baghdad, Iraq${r.to}${r.status}1`);
    }
    await expect(map.notes).toContainText('3 visits · 3 routes');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('hover shows the visit; click opens it; Enter on a focused route opens it too', async ({ page }) => {
    const map = new MapScreen(page);
    await map.goto();
    const riyadh = map.route('Baghdad, Iraq', 'Riyadh, Saudi Arabia');
    await riyadh.locator('.route-line').hover();
    await expect(map.tooltip).toBeVisible();
    await expect(map.tooltip).toContainText('Baghdad, Iraq → Riyadh, Saudi Arabia');
    await expect(map.tooltip.locator('.status')).toHaveText('postponed');
    await expect(map.tooltip).toContainText('Mustafa al-Kadhemi');
    await riyadh.locator('.route-line').click();
    await expect(page).toHaveURL(new RegExp(`#/visits/${SEED.saudiVisit}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Saudi Arabia');

    await map.goto();
    const tehran = map.route('Baghdad, Iraq', 'Tehran, Iran');
    await tehran.focus();
    await expect(map.tooltip).toContainText('Baghdad, Iraq → Tehran, Iran');
    await expect(map.tooltip.locator('.status')).toHaveText('completed');
    // The mouse still rests on Riyadh from the click. When the page moves under a resting pointer,
    // Chromium sends mouse events with no movement: they do not take the tooltip from the focused route.
    const line = riyadh.locator('.route-line');
    const box = await line.boundingBox();
    if (!box) throw new Error('the Riyadh route is not drawn');
    for (const type of ['mouseover', 'mousemove']) {
      await line.dispatchEvent(type, { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, movementX: 0, movementY: 0 });
    }
    await expect(map.tooltip).toContainText('Baghdad, Iraq → Tehran, Iran');
    // A mouse that really moves onto Riyadh shows Riyadh; focus back on Tehran shows Tehran again.
    await page.mouse.move(0, 0);
    await line.hover();
    await expect(map.tooltip).toContainText('Baghdad, Iraq → Riyadh, Saudi Arabia');
    await tehran.blur();
    await tehran.focus();
    await expect(map.tooltip).toContainText('Baghdad, Iraq → Tehran, Iran');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/visits/${SEED.tehranVisit}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Tehran');
  });

  test('the Visits list’s filters narrow the routes and stay in the URL; zoom works from the keyboard', async ({ page }) => {
    const map = new MapScreen(page);
    await map.goto();
    await expect(map.routes).toHaveCount(3);
    await map.status.selectOption('postponed');
    await expect(map.routes).toHaveCount(1);
    await expect(map.route('Baghdad, Iraq', 'Riyadh, Saudi Arabia')).toHaveAttribute('data-status', 'postponed');
    await expect(page).toHaveURL(/#\/map\?status=postponed$/);
    await page.goBack();
    await expect(map.routes).toHaveCount(3);

    await map.goto('?country=US');
    await expect(map.routes).toHaveCount(1);
    await expect(map.route('Baghdad, Iraq', 'Washington, United States')).toBeVisible();
    await map.goto('?status=cancelled');
    await expect(page.getByRole('heading', { name: 'No visits match these filters' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(map.routes).toHaveCount(3);

    const svg = page.locator('svg.map-svg');
    await expect(svg).toHaveAttribute('data-zoom', '1.00');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(svg).toHaveAttribute('data-zoom', '1.50');
    await map.route('Baghdad, Iraq', 'Tehran, Iran').focus();
    await page.keyboard.press('+');
    await expect(svg).toHaveAttribute('data-zoom', '2.25');
    await page.keyboard.press('0');
    await expect(svg).toHaveAttribute('data-zoom', '1.00');
  });

  test('with the Office of the Historian’s 1950s–1960s visits and two presidents’ trips, identical routes are aggregated', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const hsg = bundledHsgFolder();
    const files = [
      ...readdirSync(join(hsg, 'visits'))
        .filter((f) => /^19[56]\d\.xml$/.test(f))
        .map((f) => join(hsg, 'visits', f)),
      join(hsg, 'travels/president-travels/kennedy-john-f.xml'),
      join(hsg, 'travels/president-travels/eisenhower-dwight-d.xml'),
    ];
    await page.goto('./#/import/dataset');
    await page.getByLabel('XML files to import').setInputFiles(files);
    await expect(page.getByRole('region', { name: 'Import finished' })).toBeVisible({ timeout: 40_000 });

    const map = new MapScreen(page);
    await map.goto();
    // Many routes, each drawn once with its count: far fewer paths than visits.
    const notes = (await map.notes.textContent()) ?? '';
    const [, visits, routes] = /([\d,]+) visits · ([\d,]+) routes/.exec(notes) ?? [];
    const nVisits = Number(visits?.replace(/,/g, ''));
    const nRoutes = Number(routes?.replace(/,/g, ''));
    expect(nVisits).toBeGreaterThan(300);
    expect(nRoutes).toBeLessThan(nVisits);
    const drawn = await map.routes.count();
    expect(drawn).toBe(Math.min(nRoutes, 300));
    // The busiest route is drawn thickest and opens the Visits list filtered to it.
    const first = map.routes.first();
    const count = Number(await first.getAttribute('data-count'));
    expect(count).toBeGreaterThan(1);
    const href = (await first.getAttribute('href')) ?? '';
    expect(href).toMatch(/^#\/visits\?.*country=[A-Z]{2}/);
    // Eisenhower's 1959 tour: city-to-city legs exist (a leg not starting in Washington).
    await expect(map.map.locator('a.route:not([data-from^="Washington"])[data-from]').first()).toBeAttached();
    // Busy routes overlap: focus it (as a keyboard user) to see its tooltip, Enter to open it.
    await first.focus();
    await expect(map.tooltip).toContainText(`${count} visits`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible();
    await expect(page.getByText(/^[\d,]+ visits?( match)?$/)).toBeVisible();
  });
});
