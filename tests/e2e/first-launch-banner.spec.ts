import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { NotesPage } from './support/notes-page';

const SHOTS = process.env.LEGATION_SHOTS ?? '';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

function bannerOf(page: Page) {
  return page.getByRole('region', { name: 'These visits are sample data' });
}

test.describe('First launch: the sample data explains itself', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the banner says where the three visits come from; Keep dismisses it for good', async ({ page, profile }) => {
    const banner = bannerOf(page);
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('3 sample visits');
    await expect(banner).toContainText('news article');
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      for (const width of [900, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: 'light' });
        await page.screenshot({ path: `${SHOTS}/banner-${width}-light.png` });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: `${SHOTS}/banner-${width}-dark.png` });
        expect(await seriousViolations(page)).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    // The article it names opens from the banner.
    await banner.getByRole('link', { name: 'Sources' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Khamenei tells visiting Iraqi PM/ })).toBeVisible();

    await banner.getByRole('button', { name: 'Keep' }).click();
    await expect(banner).toHaveCount(0);
    // Gone for good: after a restart, and the sample visits are still there.
    const again = await profile.relaunch('/visits');
    await expect(again.getByRole('heading', { name: 'Visits', level: 1 })).toBeVisible();
    await expect(again.getByRole('row')).toHaveCount(4);
    await expect(bannerOf(again)).toHaveCount(0);
  });

  test('Remove sample data asks first, removes exactly the seeded records, keeps the user’s note, and Undo brings them back', async ({
    page,
  }) => {
    // A record of the user's own, which the removal must not touch.
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote();
    await notes.type('My own note on Baghdad');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visits', exact: true }).click();
    await expect(page.getByRole('row')).toHaveCount(4);

    const banner = bannerOf(page);
    await banner.getByRole('button', { name: 'Remove sample data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the sample data?' });
    await expect(dialog).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/banner-remove-confirm-light.png` });
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row')).toHaveCount(4);

    await banner.getByRole('button', { name: 'Remove sample data' }).click();
    await dialog.getByRole('button', { name: 'Remove sample data' }).click();
    const toast = page.locator('.toast').filter({ hasText: /^Sample data removed \(\d+ records\)/ });
    await expect(toast).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'No visits recorded yet' })).toBeVisible();

    // People, Sources: empty; the user's note stays.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'People', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
    await expect(page.getByText('Mustafa al-Kadhemi')).toHaveCount(0);
    await nav.getByRole('link', { name: 'Sources', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
    await expect(page.getByText('Khamenei tells visiting Iraqi PM')).toHaveCount(0);
    await notes.open();
    await expect(notes.table.getByRole('row')).toHaveCount(2);
    await expect(notes.table).toContainText('My own note on Baghdad');

    // Undo (the toast's button) puts every record back, and the banner with them.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.toast').filter({ hasText: 'Undone: Remove sample data' })).toBeVisible();
    await expect(notes.table).toContainText('My own note on Baghdad');
    await nav.getByRole('link', { name: 'Visits', exact: true }).click();
    await expect(page.getByRole('row')).toHaveCount(4);
    await expect(banner).toBeVisible();
  });

  test('Load the Office of the Historian records starts the bundled import in one click', async ({ page }) => {
    test.setTimeout(300_000);
    await bannerOf(page).getByRole('button', { name: 'Load the Office of the Historian records' }).click();
    await expect(page.getByRole('heading', { name: 'Import a dataset', level: 1 })).toBeVisible();
    // No second click: the import is already under way.
    await expect(page.getByText(/^Saving… /)).toBeVisible({ timeout: 120_000 });
    const finished = page.getByRole('region', { name: 'Import finished' });
    await expect(finished).toBeVisible({ timeout: 240_000 });
    await expect(
      finished
        .getByRole('table', { name: 'Imported records' })
        .getByRole('row', { name: /^Visits/ })
        .getByRole('cell')
        .nth(0),
    ).toHaveText('8,222');
    // A reload does not start it again (nothing new would be made, but it would run for nothing).
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Import a dataset', level: 1 })).toBeVisible();
    await expect(page.getByText(/^Saving… /)).toHaveCount(0);
  });
});
