import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { NAV_SCREENS } from '../../shared/screens';
import { test, expect } from './support/fixtures';

const SHOTS = process.env.LEGATION_SHOTS ?? '';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('header').include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

type Box = { x: number; y: number; width: number; height: number; name: string };

async function boxOf(locator: Locator, name: string): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${name} is drawn`).not.toBeNull();
  return { ...box!, name };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Everything in the top bar a user sees: the name, the links shown, More (if any), Commands. */
async function topBarBoxes(page: Page): Promise<Box[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const boxes: Box[] = [await boxOf(page.locator('.brand'), 'brand')];
  for (const link of await nav.getByRole('link').all()) boxes.push(await boxOf(link, `link ${await link.textContent()}`));
  const more = nav.getByRole('button', { name: /^More/ });
  if (await more.count()) boxes.push(await boxOf(more, 'More'));
  boxes.push(await boxOf(page.getByRole('button', { name: 'Commands' }), 'Commands'));
  return boxes;
}

test.describe('Navigation at any width', () => {
  test.describe.configure({ timeout: 120_000 });

  for (const width of [700, 900, 1280]) {
    test(`at ${width} px every screen of the bar is reached by click, and nothing in the bar overlaps`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await expect(page.getByRole('heading', { name: 'Visits', level: 1 })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Main' });
      const more = nav.getByRole('button', { name: /^More/ });

      // Every item of the bar lies inside the window and clear of every other.
      const boxes = await topBarBoxes(page);
      for (const b of boxes) {
        expect(b.x, `${b.name} starts inside the window`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `${b.name} ends inside the window`).toBeLessThanOrEqual(width);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.name} / ${boxes[j]!.name}`).toBe(false);
      }
      const inline = await nav.getByRole('link').count();
      if (width === 1280) {
        expect(inline).toBe(NAV_SCREENS.length);
        await expect(more).toHaveCount(0);
      } else {
        expect(inline).toBeLessThan(NAV_SCREENS.length);
        await expect(more).toBeVisible();
      }
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/navigation-${width}-light.png` });

      for (const screen of NAV_SCREENS) {
        const link = nav.getByRole('link', { name: screen.label, exact: true });
        if (await link.count()) {
          await link.click();
        } else {
          await more.click();
          const menu = page.getByRole('menu', { name: /More/ });
          await expect(menu).toBeVisible();
          // The open menu stays inside the window and below the bar.
          const m = await boxOf(menu, 'menu');
          expect(m.x).toBeGreaterThanOrEqual(0);
          expect(m.x + m.width).toBeLessThanOrEqual(width);
          await menu.getByRole('menuitem', { name: screen.label, exact: true }).click();
          await expect(menu).toBeHidden();
          // The screen shown from the menu marks the More button as the current place.
          await expect(more).toHaveClass(/active/);
        }
        await expect(page).toHaveURL(new RegExp(`#${screen.path}(/|\\?|$)`));
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      }
    });
  }

  test('at 900 px the More menu works with the keyboard alone and passes axe, light and dark', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 800 });
    await expect(page.getByRole('heading', { name: 'Visits', level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const more = nav.getByRole('button', { name: /^More/ });
    await expect(more).toHaveAttribute('aria-haspopup', 'menu');
    await expect(more).toHaveAttribute('aria-expanded', 'false');

    // Enter opens the menu on its first item; the arrows move and wrap; Escape returns to the button.
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: /More/ });
    await expect(menu).toBeVisible();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const items = menu.getByRole('menuitem');
    const labels = await items.allTextContents();
    expect(labels).toContain('Settings');
    expect(labels).toContain('Reconcile');
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.first()).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/navigation-more-900-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/navigation-more-900-dark.png` });
      expect(await seriousViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();

    // Arrow Up opens on the last item; a letter jumps to the item it starts; Enter follows it.
    await page.keyboard.press('ArrowUp');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('r');
    await expect(menu.locator(':focus')).toHaveText(/^R/);
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('s');
    const chosen = (await menu.locator(':focus').textContent()) ?? '';
    expect(chosen).toMatch(/^S/);
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    const screen = NAV_SCREENS.find((s) => s.label === chosen)!;
    await expect(page).toHaveURL(new RegExp(`#${screen.path}`));

    // A click elsewhere closes an open menu.
    await more.click();
    await expect(menu).toBeVisible();
    await page.locator('main').click({ position: { x: 5, y: 300 } });
    await expect(menu).toBeHidden();
  });

  test('an address that names no screen says so and links home', async ({ page }) => {
    await page.goto('./#/no-such-screen');
    await expect(page.getByRole('heading', { name: 'This page does not exist', level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the Visits list' }).click();
    await expect(page.getByRole('heading', { name: 'Visits', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/#\/visits$/);
  });
});
