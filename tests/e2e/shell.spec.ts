import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * The shell: keyboard shortcuts, the shortcuts sheet, the command palette, themes (system, or
 * pinned and remembered across a restart), focus and Tab order.
 */

const SHOTS = process.env.LEGATION_SHOTS_DIR ?? '/tmp/shots-h5';

function palette(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  return { dialog, box: dialog.getByRole('combobox', { name: 'Type a command' }), list: dialog.getByRole('listbox', { name: 'Commands' }) };
}

async function contrastViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

test.describe('Shell: keyboard, palette, themes', () => {
  // Several journeys and axe runs per test, on a machine shared by many runs.
  test.describe.configure({ timeout: 120_000 });
  test('? opens the shortcuts sheet listing every shortcut; Esc closes it and focus returns', async ({ page }) => {
    await page.getByRole('heading', { name: 'Visits', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'People' }).focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    for (const text of [
      'Open the command palette',
      'Search everything',
      'Open this page in a new window',
      'New visit',
      'Undo the last change',
    ]) {
      await expect(sheet.getByText(text, { exact: false }).first()).toBeVisible();
    }
    // The Go-to list names the first nine screens, in the navigation's order.
    await expect(sheet.getByRole('definition').filter({ hasText: /^Map$/ })).toBeVisible();
    await expect(sheet.getByRole('definition').filter({ hasText: /^Search$/ })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/sheet-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/sheet-dark.png` });
    expect(await contrastViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(nav.getByRole('link', { name: 'People' })).toBeFocused();

    // Typing "?" in a text field types it: the sheet stays closed.
    await page.keyboard.press('Control+k');
    const search = page.locator('[data-search-box]');
    await expect(search).toBeFocused();
    await page.keyboard.type('why?');
    await expect(search).toHaveValue('why?');
    await expect(sheet).toBeHidden();
  });

  test('the palette runs "Go to Map" and "New visit" by keyboard only, and Esc returns focus', async ({ page }) => {
    await page.getByRole('heading', { name: 'Visits', level: 1 }).waitFor();
    const { dialog, box, list } = palette(page);

    await page.keyboard.press('Control+Shift+P');
    await expect(dialog).toBeVisible();
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(box).toHaveAttribute('aria-controls', (await list.getAttribute('id'))!);
    await page.keyboard.type('go map');
    const first = list.getByRole('option').first();
    await expect(first).toHaveText(/Go to Map/);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    await page.screenshot({ path: `${SHOTS}/palette-light.png` });
    expect(await contrastViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/map$/);

    // Fuzzy: "nvis" finds New visit; arrows move the active option, Enter runs it.
    await page.keyboard.press('Control+Shift+P');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('');
    await page.keyboard.type('nvis');
    const options = list.getByRole('option');
    await expect(options.first()).toHaveText(/New visit/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/visits\/new$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/New visit/);

    // Recently used commands come first next time.
    await page.keyboard.press('Control+Shift+P');
    await expect(list.getByRole('option').nth(0)).toHaveText(/New visit/);
    await expect(list.getByRole('option').nth(1)).toHaveText(/Go to Map/);

    // Nothing matches: it says so; Esc closes and gives focus back where it was.
    await page.keyboard.type('zzqqxx');
    await expect(dialog.getByRole('status')).toContainText('No command matches');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const people = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' });
    await people.focus();
    await page.keyboard.press('Control+Shift+P');
    await expect(box).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(people).toBeFocused();

    // The palette also opens from the shortcuts sheet.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Open the command palette' }).click();
    await expect(box).toBeFocused();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.keyboard.type('theme');
    await page.screenshot({ path: `${SHOTS}/palette-dark.png` });
    expect(await contrastViolations(page)).toEqual([]);
  });

  test('Ctrl+K and Ctrl+F open Search with its box focused; Ctrl+1..9 follow the navigation', async ({ page }) => {
    await page.getByRole('heading', { name: 'Visits', level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    await expect(page).toHaveURL(/#\/search/);
    await expect(page.locator('[data-search-box]')).toBeFocused();

    await page.keyboard.press('Control+4');
    await expect(page).toHaveURL(/#\/map$/);
    await page.keyboard.press('Control+f');
    await expect(page).toHaveURL(/#\/search/);
    await expect(page.locator('[data-search-box]')).toBeFocused();

    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(links).toHaveLength(13);
    for (const n of [1, 2, 6, 9]) {
      await page.locator('main').focus();
      await page.keyboard.press(`Control+${n}`);
      await expect(page).toHaveURL(new RegExp(`${links[n - 1]!.replace(/[?#]/g, '\\$&')}$`));
    }
  });

  test('theme: follows the system, a pinned theme applies at once and survives a restart', async ({ page, profile }) => {
    const html = page.locator('html');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    await expect(html).not.toHaveAttribute('data-theme');
    expect(await background()).toBe('#f7f7f5');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('#16181c');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const theme = page.getByRole('group', { name: 'Theme' });
    await expect(theme.getByRole('radio', { name: 'Same as the system' })).toBeChecked();
    await theme.getByRole('radio', { name: 'Dark' }).check();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe('#16181c');
    await page.screenshot({ path: `${SHOTS}/settings-dark.png` });
    expect(await contrastViolations(page)).toEqual([]);

    const again = await profile.relaunch('/settings');
    await expect(again.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(again.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(await again.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim())).toBe('#16181c');

    // Pinned light wins over a dark system; "Same as the system" follows it again.
    await again.emulateMedia({ colorScheme: 'dark' });
    await again.getByRole('radio', { name: 'Light' }).check();
    await expect(again.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await again.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim())).toBe('#f7f7f5');
    await again.getByRole('radio', { name: 'Same as the system' }).check();
    await expect(again.locator('html')).not.toHaveAttribute('data-theme');
    expect(await again.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim())).toBe('#16181c');

    // The palette's switch pins the opposite of what shows.
    await again.keyboard.press('Control+Shift+P');
    await again.keyboard.type('light theme');
    await again.keyboard.press('Enter');
    await expect(again.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('focus is visible on nav links and Tab order runs skip link, navigation, commands, then the page', async ({ page }) => {
    await page.getByRole('heading', { name: 'Visits', level: 1 }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const names = [
      'Visits',
      'Dashboard',
      'Timeline',
      'Map',
      'Calendar',
      'People',
      'Sources',
      'Notes',
      'Search',
      'Import',
      'Reconcile',
      'Reports',
      'Settings',
    ];
    for (const name of names) {
      await page.keyboard.press('Tab');
      const link = nav.getByRole('link', { name, exact: true });
      await expect(link).toBeFocused();
      const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
      expect(outline).toBe('solid 3px');
    }
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Commands' })).toBeFocused();
    await page.keyboard.press('Tab');
    // Next: the first control of the page itself, inside <main>.
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/focus-light.png` });

    // The skip link jumps over the navigation (and does not navigate to a route called "main").
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/visits$/);
    await expect(page.locator('main')).toBeFocused();
  });

  test('a screen whose code cannot load says so and offers a reload; other screens still work', async ({ page }) => {
    // Screens other than Visits load on first use; make the Map's code fail to arrive.
    await page.route(/\/assets\/map-[^/]*\.js$/, (route) => route.abort('failed'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be shown' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your data is safe');
    await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/screen-error.png` });
    // Moving on clears the message; the Visits list is intact.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visits', exact: true }).click();
    await expect(alert).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Visits', level: 1 })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(4);
    // With the code reachable again, Reload brings the screen.
    await page.unroute(/\/assets\/map-[^/]*\.js$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map', exact: true }).click();
    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { name: 'Map', level: 1 })).toBeVisible();
  });
});
