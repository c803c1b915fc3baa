import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { CalendarScreen, dayLabel } from './support/calendar-page';
import { SEED } from './support/seed-refs';
import { VisitDetail } from './support/visits-page';

const SHOTS = process.env.LEGATION_SHOTS ?? '';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/** Today in the browser's own time zone, as the app computes it. */
async function browserToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

test.describe('Calendar', () => {
  test('July 2020 shows Tehran on the 21st; the "within weeks" visit in the month strip; a visit opens', async ({ page }) => {
    test.setTimeout(60_000);
    const cal = new CalendarScreen(page);
    await cal.goto('?date=2020-07-01');
    await expect(cal.title).toHaveText('July 2020');
    const tuesday = cal.day('2020-07-21');
    await expect(tuesday).toHaveAccessibleName(/^Tuesday 21 July 2020/);
    await expect(tuesday.getByRole('link', { name: /→ Tehran, Iran, 21 July 2020, completed/ })).toBeVisible();
    // Only on the day it covers.
    await expect(cal.day('2020-07-20').getByRole('link')).toHaveCount(0);
    await expect(cal.day('2020-07-22').getByRole('link')).toHaveCount(0);
    // Washington "within weeks" is a window: not on every day, but in the strip.
    await expect(
      cal.approximate.getByRole('link', { name: /→ Washington, United States, 22 July 2020 – 2 September 2020 \(within weeks\)/ }),
    ).toBeVisible();
    await expect(cal.grid.getByRole('link', { name: /Washington/ })).toHaveCount(0);

    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/calendar-month-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/calendar-month-dark.png` });
      expect(await seriousViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });
    }

    await tuesday.getByRole('link', { name: /Tehran/ }).click();
    await expect(new VisitDetail(page).heading).toContainText('Tehran');
    expect(page.url()).toContain(`/visits/${SEED.tehranVisit}`);
  });

  test('Today, Previous/Next and Go to date move the calendar; Back returns', async ({ page }) => {
    test.setTimeout(60_000);
    const cal = new CalendarScreen(page);
    await cal.goto('?date=2020-07-21');
    await cal.next.click();
    await expect(cal.title).toHaveText('August 2020');
    await cal.previous.click();
    await cal.previous.click();
    await expect(cal.title).toHaveText('June 2020');
    await page.goBack();
    await expect(cal.title).toHaveText('July 2020');

    await cal.today.click();
    const today = await browserToday(page);
    await expect(cal.day(today)).toHaveAttribute('aria-current', 'date');

    await cal.jumpTo('2020-02-29');
    await expect(cal.title).toHaveText('February 2020');
    await expect(cal.day('2020-02-29')).toBeVisible();
    await expect(cal.day('2020-02-29')).toHaveAttribute('tabindex', '0');

    await cal.goToDate.fill('');
    await cal.go.click();
    await expect(page.getByRole('alert')).toHaveText('Enter a date to go to (day, month and year).');
  });

  test('week view lists the week of 20 July 2020 with details; keyboard moves between days', async ({ page }) => {
    test.setTimeout(60_000);
    const cal = new CalendarScreen(page);
    await cal.goto('?date=2020-07-21');
    await cal.week.click();
    await expect(cal.title).toHaveText('Week of 20 July 2020');
    await expect(cal.grid.getByRole('gridcell')).toHaveCount(7);
    await expect(cal.day('2020-07-21').getByRole('link', { name: /Tehran/ })).toBeVisible();
    await expect(cal.day('2020-07-21')).toContainText('completed');
    await expect(cal.approximate).toContainText('within weeks');
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/calendar-week-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/calendar-week-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: arrows move the chosen day; beyond the week the view follows.
    await cal.month.click();
    await cal.day('2020-07-21').focus();
    await page.keyboard.press('ArrowRight');
    await expect(cal.day('2020-07-22')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(cal.day('2020-07-29')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(cal.title).toHaveText('August 2020');
    await expect(cal.day('2020-08-12')).toBeFocused();
    await page.keyboard.press('PageUp');
    await expect(cal.title).toHaveText('July 2020');
    await expect(cal.day('2020-07-12')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(cal.day('2020-07-21')).toBeFocused();
    // Tab reaches the visit of the chosen day; Enter opens it.
    await page.keyboard.press('Tab');
    await expect(cal.day('2020-07-21').getByRole('link', { name: /Tehran/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(new VisitDetail(page).heading).toContainText('Tehran');
    expect(dayLabel('2020-07-21')).toBe('21 July 2020');
  });

  test('with no date asked for it opens on the month of the latest visit; Today still goes to today', async ({ page }) => {
    test.setTimeout(60_000);
    const cal = new CalendarScreen(page);
    await cal.goto();
    await expect(cal.title).toHaveText('July 2020');
    await expect(cal.day('2020-07-21').getByRole('link', { name: /Tehran/ })).toBeVisible();
    await expect(page.getByText('2 visits in this month')).toBeVisible();
    await cal.today.click();
    await expect(cal.day(await browserToday(page))).toHaveAttribute('aria-current', 'date');
  });

  test('an empty month offers the nearest month with visits; Earlier and Later visits jump over empty months', async ({ page }) => {
    test.setTimeout(60_000);
    const cal = new CalendarScreen(page);
    await cal.goto('?date=2019-01-10');
    await expect(page.getByText('0 visits in this month')).toBeVisible();
    const nearest = page.getByRole('button', { name: 'Go to the nearest month with visits (July 2020)' });
    await expect(nearest).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      for (const width of [900, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: `${SHOTS}/calendar-empty-${width}-light.png` });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: `${SHOTS}/calendar-empty-${width}-dark.png` });
        await page.emulateMedia({ colorScheme: 'light' });
      }
    }
    await nearest.click();
    await expect(cal.title).toHaveText('July 2020');
    await expect(cal.day('2020-07-21').getByRole('link', { name: /Tehran/ })).toBeVisible();

    // Nothing starts before July 2020; after it, nothing either: both jumps are off.
    const earlier = page.getByRole('button', { name: '← Earlier visits' });
    const later = page.getByRole('button', { name: 'Later visits →' });
    await expect(earlier).toBeDisabled();
    await expect(later).toBeDisabled();
    // From March 2021, Earlier visits skips the empty months back to July 2020; Back returns.
    await cal.jumpTo('2021-03-01');
    await expect(cal.title).toHaveText('March 2021');
    await expect(later).toBeDisabled();
    await earlier.click();
    await expect(cal.title).toHaveText('July 2020');
    await page.goBack();
    await expect(cal.title).toHaveText('March 2021');
    // From January 2019, Later visits lands on July 2020.
    await cal.jumpTo('2019-01-10');
    await later.click();
    await expect(cal.title).toHaveText('July 2020');
  });

  test('arrow keys in a burst (faster than the view renders, across months) leave focus on the day they reach', async ({ page }) => {
    test.setTimeout(60_000);
    const cal = new CalendarScreen(page);
    await cal.goto('?date=2020-07-01');
    await cal.month.click();
    await cal.day('2020-07-01').focus();
    await expect(cal.day('2020-07-01')).toBeFocused();
    // Each burst: keys sent to whatever holds focus, with gaps from none to a couple of frames —
    // a key may land before, between or after the render and the effect of the one before.
    let day = new Date(Date.UTC(2020, 6, 1));
    for (const gap of [0, 1, 4, 8, 16, 30]) {
      await page.evaluate(async (ms) => {
        for (let i = 0; i < 5; i++) {
          const target = document.activeElement ?? document.body;
          target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
          if (ms > 0) await new Promise((r) => setTimeout(r, ms));
          else await Promise.resolve();
        }
      }, gap);
      day = new Date(day.getTime() + 5 * 7 * 86_400_000);
      const iso = day.toISOString().slice(0, 10);
      await expect(cal.day(iso), `after the burst with ${gap} ms gaps`).toBeFocused();
    }
  });
});
