import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { choose } from './support/combobox';
import { VisitsList } from './support/visits-page';

const WASHINGTON = 'Mustafa al-Kadhemi → United States, Washington';
const TEHRAN = 'Mustafa al-Kadhemi → Iran, Tehran';

test.describe('Visits list: overdue plans', () => {
  test('the seeded Washington plan is marked overdue; "Overdue only" lists it, lives in the URL, and combines with status', async ({
    page,
  }) => {
    const list = new VisitsList(page);
    await list.expectCount(3);
    // The plan "within weeks" of July 2020 has come due: its row says so; a completed visit's does not.
    await expect(list.row(WASHINGTON).getByText('Overdue', { exact: true })).toBeVisible();
    await expect(list.row(TEHRAN).getByText('Overdue', { exact: true })).toHaveCount(0);

    const overdue = page.getByRole('checkbox', { name: 'Overdue only' });
    await overdue.check();
    await list.expectCount(1);
    await expect(list.row(WASHINGTON)).toHaveCount(1);
    await expect(page).toHaveURL(/[?&]overdue=1/);

    // A reload (or a copied link) shows the same list.
    await page.reload();
    await expect(overdue).toBeChecked();
    await list.expectCount(1);

    // With a status: planned and overdue is Washington; postponed and overdue is nothing (Saudi has no date).
    await list.status.selectOption('planned');
    await list.expectCount(1);
    await list.status.selectOption('postponed');
    await expect(page.getByRole('heading', { name: 'No visits match these filters' })).toBeVisible();

    // Back undoes one filter at a time; unchecking lists every visit again.
    await page.goBack();
    await list.expectCount(1);
    await expect(list.status).toHaveValue('planned');
    await list.status.selectOption('');
    // The cleared status is in the address before the next control is used.
    await expect(page).not.toHaveURL(/[?&]status=/);
    await overdue.uncheck();
    await list.expectCount(3);
    await expect(page).not.toHaveURL(/overdue=/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the list with Find text, the overdue badge and the filter has no serious or critical axe violation (${scheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const list = new VisitsList(page);
      await list.goto('?q=kadhimi');
      await list.expectCount(3);
      await expect(list.row(WASHINGTON).getByText('Overdue', { exact: true })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      expect(serious).toEqual([]);
    });
  }

  test('a report opened with the overdue filter covers the overdue visits only', async ({ page }) => {
    await page.goto('./#/reports?overdue=1');
    // The selection's line: its words and its count (the seed has one overdue plan, of three visits).
    await expect(page.getByText('Overdue visits: 1 visit')).toBeVisible();
  });

  test('the Reports screen offers the overdue filter too, and keeps it in the address', async ({ page }) => {
    await page.goto('./#/reports');
    await page.getByRole('radio', { name: 'Visits matching filters' }).check();
    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await expect(page.getByText('Overdue visits: 1 visit')).toBeVisible();
    await expect(page).toHaveURL(/overdue=1/);
  });
});

/**
 * Sets a control's value as a user's keystroke or choice would (React hears the event) and returns
 * the milliseconds until the list shows a count other than `before` with its table no longer busy,
 * measured in the page.
 */
async function timeUntilCount(page: Page, selector: string, value: string, before: string): Promise<number> {
  return page.evaluate(
    ({ selector, value, before }) =>
      new Promise<number>((resolve, reject) => {
        const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
        if (!control) return reject(new Error(`no ${selector}`));
        const done = () => {
          const count = document.querySelector('.result-count')?.textContent ?? '';
          const table = document.querySelector('table[aria-label="Visits"]');
          return /visits?( match)?$/.test(count) && count !== before && table !== null && table.getAttribute('aria-busy') === null;
        };
        const began = performance.now();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - began);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        const proto = control instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(control, value);
        control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      }),
    { selector, value, before },
  );
}

const FIND = 'input[data-find]';

test.describe('Visits list: Find at any size', () => {
  test('with the 8,222 bundled visits, typing a name narrows the list and its count; a filter combines with it; the URL restores both', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    // Tall enough for every row of a few dozen matches to be drawn (the table is virtualised).
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.goto('./#/import/dataset');
    await page.getByRole('button', { name: 'Office of the Historian records (bundled), 8,222 visits' }).click();
    const finished = page.getByRole('region', { name: 'Import finished' });
    await expect(finished).toBeVisible({ timeout: 240_000 });

    const list = new VisitsList(page);
    await list.goto();
    await expect(list.count).toHaveText('8,225 visits');
    // A window opened afterwards: its search index is complete before Find answers (one just imported
    // into catches up within moments, which would make the counts below a race).
    await page.reload();
    await expect(list.count).toHaveText('8,225 visits');

    // Typing a name: the list and its count narrow to the visits that name Churchill. (The first
    // Find of a window also waits for its search index to open: timed apart from the others.)
    const firstMs = await timeUntilCount(page, FIND, 'Churchill', '8,225 visits');
    await list.find.fill('');
    await expect(list.count).toHaveText('8,225 visits');
    const ms = await timeUntilCount(page, FIND, 'Churchill', '8,225 visits');
    const found = Number((await list.count.textContent())!.replace(/[^\d]/g, ''));
    expect(found).toBeGreaterThan(3);
    expect(found).toBeLessThan(50);
    await expect(list.rows).toHaveCount(found);
    await expect(list.rows.getByRole('link')).toHaveCount(found);
    const titles = await list.rows.getByRole('link').allTextContents();
    expect(titles).toHaveLength(found);
    // Each row names him: as the traveller, or in the purpose ("Attended the funeral of former Prime Minister Churchill").
    for (const row of await list.rows.allTextContents()) expect(row).toMatch(/Churchill/i);
    expect(titles.filter((t) => t.startsWith('Churchill →')).length).toBeGreaterThan(3);

    // Timings, reported (not asserted): other texts, and the list's own filter for comparison.
    const shown = async () => (await list.count.textContent()) ?? '';
    const kennedyMs = await timeUntilCount(page, FIND, 'Kennedy', await shown());
    const broadMs = await timeUntilCount(page, FIND, 'ge', await shown());
    const broad = await shown();
    await list.find.fill('');
    await expect(list.count).toHaveText('8,225 visits');
    const statusMs = await timeUntilCount(page, '.visits-filters select', 'completed', '8,225 visits');
    await list.status.selectOption('');
    await expect(list.count).toHaveText('8,225 visits');
    const timings =
      `Find at 8,225 visits, keystroke to updated list: "Churchill" ${Math.round(ms)} ms (first of the window, index opening: ` +
      `${Math.round(firstMs)} ms), "Kennedy" ${Math.round(kennedyMs)} ms, "ge" ${Math.round(broadMs)} ms (${broad}); ` +
      `status filter alone: ${Math.round(statusMs)} ms`;
    test.info().annotations.push({ type: 'timings', description: timings });
    console.log(timings);

    await list.find.fill('Churchill');
    await expect(list.count).toHaveText(`${found} visits match`);

    // A filter narrows the found visits further: the host country, as the rows' own titles say.
    const toUs = titles.filter((t) => t.includes('→ United States')).length;
    expect(toUs).toBeGreaterThan(0);
    await choose(list.country, 'United States', 'united st');
    await list.expectCount(toUs);
    await expect(page).toHaveURL(/country=US/);
    await expect(page).toHaveURL(/q=Churchill/);

    // Reload: the text and the filter come back, with the same list.
    await page.reload();
    await expect(list.find).toHaveValue('Churchill');
    await expect(list.country).toHaveValue('United States');
    await list.expectCount(toUs);

    // Back removes the filter and keeps the text.
    await page.goBack();
    await expect(list.country).toHaveValue('Any country');
    await expect(list.find).toHaveValue('Churchill');
    await list.expectCount(found);

    // A name nobody has: the empty state, and its way out.
    await list.find.fill('Zzyzxqv');
    await expect(page.getByRole('heading', { name: 'No visits match these filters' })).toBeVisible();
  });
});
