import { SEED } from './support/seed-refs';
import { expect, test } from './support/fixtures';

/**
 * Windows of their own. In a plain browser "open in a new window" opens a tab at the same route;
 * every tab/window of the app shows the same live data (Dexie's liveQuery observes IndexedDB
 * across same-origin pages), so an edit in one appears in the other without a reload. The
 * Electron side (a hardened BrowserWindow per route, the session restored after a restart) is
 * unit-tested in tests/unit/electron/windows.test.ts: no Electron binary runs here.
 */

test.describe('Windows: open in new window, live sync', () => {
  test.describe.configure({ timeout: 120_000 });

  test('Ctrl+Shift+O and the palette open the current page in a new tab at the same route', async ({ page }) => {
    const context = page.context();
    await page.goto(`./#/visits/${SEED.tehranVisit}`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Control+Shift+O')]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).hash).toBe(`#/visits/${SEED.tehranVisit}`);
    await expect(tab.getByRole('heading', { level: 1 })).toContainText('Tehran');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await expect(page).toHaveURL(/#\/people$/);
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('new window');
    const [second] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await second.waitForLoadState();
    expect(new URL(second.url()).hash).toBe('#/people');
    await expect(second.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();

    // Pressed in the same moment as a navigation, before the screen has changed: the new window
    // shows the page navigated to, not the one still on screen (CI once opened the earlier page).
    const [third] = await Promise.all([
      context.waitForEvent('page'),
      page.evaluate(() => {
        window.location.hash = '#/sources';
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'O', code: 'KeyO', ctrlKey: true, shiftKey: true }));
      }),
    ]);
    await third.waitForLoadState();
    expect(new URL(third.url()).hash).toBe('#/sources');
    await expect(third.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  });

  test('a middle-click on a link in a list opens it in a new tab', async ({ page }) => {
    const link = page.getByRole('link', { name: /Tehran/ }).first();
    await link.waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click({ button: 'middle' })]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).hash).toBe(`#/visits/${SEED.tehranVisit}`);
    // The first page stays where it was.
    await expect(page).toHaveURL(/#\/visits$/);
  });

  test('two windows stay in sync: an edit in one shows in the other without a reload', async ({ page, profile }) => {
    const other = await (await profile.launch()).newPage();
    await other.goto(`./#/people/${SEED.kadhemi}`);
    await expect(other.getByRole('heading', { level: 1 })).toContainText('Kadhemi');
    let reloaded = false;
    other.on('load', () => (reloaded = true));

    // Edit the person in the first window.
    await page.goto(`./#/people/${SEED.kadhemi}/edit`);
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();
    await name.fill('Mustafa al-Kadhemi (PM)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/people/${SEED.kadhemi}$`));

    await expect(other.getByRole('heading', { level: 1 })).toContainText('Mustafa al-Kadhemi (PM)');
    expect(reloaded).toBe(false);

    // And the theme, a view setting, follows in every window too.
    await page.goto('./#/settings');
    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(reloaded).toBe(false);
  });
});
