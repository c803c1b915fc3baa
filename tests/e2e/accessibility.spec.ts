import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { SEED } from './support/seed-refs';

/**
 * Every screen, on the seed, in light and dark: axe-core finds no serious or critical violation.
 * Each screen is reached by its URL and checked once its heading (or a named landmark) is there,
 * so axe sees the screen with its data, not a loading state.
 */
const SCREENS: { name: string; route: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'Visits', route: '/visits', ready: heading('Visits') },
  { name: 'Visit detail', route: `/visits/${SEED.saudiVisit}`, ready: heading(/Saudi Arabia/) },
  { name: 'New visit', route: '/visits/new', ready: heading('New visit') },
  { name: 'Dashboard', route: '/dashboard', ready: heading('Dashboard') },
  { name: 'Timeline', route: '/timeline', ready: heading('Timeline') },
  { name: 'Map', route: '/map', ready: heading('Map') },
  { name: 'Calendar', route: '/calendar?date=2020-07-21', ready: heading('Calendar') },
  { name: 'People', route: '/people', ready: heading('People') },
  { name: 'Person', route: `/people/${SEED.kadhemi}`, ready: heading(/Kadhemi/) },
  { name: 'Sources', route: '/sources', ready: heading('Sources') },
  { name: 'Source reader', route: `/sources/${SEED.article}`, ready: heading(/./) },
  { name: 'Notes', route: '/notes', ready: heading('Notes') },
  { name: 'Search with results', route: '/search?q=Kadhimi', ready: heading('Search') },
  { name: 'Import article', route: '/import', ready: heading(/Import/) },
  { name: 'Import dataset', route: '/import/dataset', ready: heading(/Import/) },
  { name: 'Reports', route: '/reports', ready: heading('Reports') },
  { name: 'Visit dossier', route: `/reports/dossier/${SEED.tehranVisit}`, ready: heading(/Tehran/) },
  { name: 'Reconcile', route: '/reconcile', ready: heading(/./) },
  { name: 'Settings', route: '/settings', ready: heading('Settings') },
];

function heading(name: string | RegExp) {
  return async (page: Page) => {
    await expect(page.locator('main').getByRole('heading', { level: 1, name }).first()).toBeVisible();
  };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// One test per screen (both schemes), so that a slow machine spreads the work over tests with a
// timeout each, and a failure names its screen.
for (const s of SCREENS) {
  test(`${s.name} passes axe with no serious or critical violations, light and dark`, async ({ page }) => {
    test.setTimeout(90_000);
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`./#${s.route}`);
      await s.ready(page);
      for (const v of await seriousViolations(page)) found.push(`${scheme}: ${v}`);
    }
    expect(found).toEqual([]);
  });
}
