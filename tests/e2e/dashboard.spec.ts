import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledHsgFolder } from '../support-build/hsg-scale';
import { expect, test } from './support/fixtures';
import { DashboardScreen } from './support/dashboard-page';
import { SEED } from './support/seed-refs';

test.describe('Dashboard', () => {
  test.describe.configure({ timeout: 60_000 });

  test('counts the seed by status; clicking “postponed” opens the Visits list filtered to postponed', async ({ page }) => {
    const dash = new DashboardScreen(page);
    await dash.goto();
    await expect(page.getByText('3 visits recorded')).toBeVisible();
    const expected = { planned: 1, postponed: 1, underway: 0, completed: 1, cancelled: 0 };
    for (const [status, n] of Object.entries(expected)) {
      await expect(dash.statusLink(status)).toHaveAccessibleName(`${n} ${status} visit${n === 1 ? '' : 's'}: list them`);
    }
    // Top host countries, per year, the lists.
    for (const name of ['Iran', 'Saudi Arabia', 'United States']) {
      await expect(dash.topCountries.getByRole('link', { name: `${name}: 1 visit; list them` })).toBeVisible();
    }
    await expect(dash.yearLink(2020)).toHaveAccessibleName('2020: 2 visits');
    await expect(dash.postponed.getByRole('link', { name: 'Mustafa al-Kadhemi → Saudi Arabia' })).toHaveAttribute(
      'href',
      `#/visits/${SEED.saudiVisit}`,
    );
    await expect(dash.postponed).toContainText('postponed on 20 July 2020');
    await expect(dash.perYear).toContainText('1 visit without a date not shown');
    await expect(dash.nextPlanned).toContainText('Nothing planned from today');
    await expect(dash.nextPlanned).toContainText('1 plan came due before it (see Needs follow-up)');

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await dash.statusLink('postponed').click();
    await expect(page).toHaveURL(/#\/visits\?status=postponed$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible();
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('postponed');
    const rows = page
      .getByRole('table', { name: 'Visits' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Saudi Arabia');
  });

  test('charts are keyboard reachable: the year chart is one Tab stop, Enter lists the year; a country bar lists the country', async ({
    page,
  }) => {
    const dash = new DashboardScreen(page);
    await dash.goto();
    await dash.postponed.getByRole('link').last().focus();
    await page.keyboard.press('Tab');
    await expect(dash.yearLink(2020)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/visits\?from=2020-01-01&to=2020-12-31$/);

    await dash.goto();
    await dash.topCountries.getByRole('link', { name: /^Iran: / }).click();
    await expect(page).toHaveURL(/#\/visits\?country=IR$/);
  });

  test('empty database: says what to do', async ({ page }) => {
    // Remove the seeded visits behind the app's back (the seed is only written on first launch).
    const dash = new DashboardScreen(page);
    await page.goto('./#/visits');
    await page.evaluate(async () => {
      await new Promise<void>((done, fail) => {
        const req = indexedDB.open('legation');
        req.onsuccess = () => {
          const tx = req.result.transaction('visits', 'readwrite');
          tx.objectStore('visits').clear();
          tx.oncomplete = () => done();
          tx.onerror = () => fail(new Error('clear failed'));
        };
        req.onerror = () => fail(new Error('open failed'));
      });
    });
    await dash.goto();
    await expect(page.getByRole('heading', { name: 'No visits yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'import a dataset' })).toBeVisible();
  });

  test('on the imported 1950s visits the per-year chart counts each year like the data', async ({ page }) => {
    const hsg = join(bundledHsgFolder(), 'visits/1950.xml');
    const xml = readFileSync(hsg, 'utf8');
    await page.goto('./#/import/dataset');
    await page.getByLabel('XML files to import').setInputFiles([hsg]);
    await expect(page.getByRole('region', { name: 'Import finished' })).toBeVisible({ timeout: 20_000 });
    const dash = new DashboardScreen(page);
    await dash.goto();
    // Visits in the file that start in 1953 (their <start-date>), plus none of the seed's (2020).
    const in1953 = (xml.match(/<start-date>1953-/g) ?? []).length;
    expect(in1953).toBeGreaterThan(5);
    await expect(dash.yearLink(1953)).toHaveAccessibleName(`1953: ${in1953} visits`);
    await expect(dash.yearLink(2020)).toHaveAccessibleName('2020: 2 visits');
  });
});
