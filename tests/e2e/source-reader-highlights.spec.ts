import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED } from './support/seed-refs';
import { expect, test } from './support/fixtures';
import { SourcesPage } from './support/sources-page';

const SHOTS = process.env.LEGATION_SHOTS ?? '';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test.describe('Source reader: highlights of one field or one record', () => {
  test.describe.configure({ timeout: 90_000 });

  test('the chooser narrows the marks to none, one record or one field, and back to all', async ({ page }) => {
    const sources = new SourcesPage(page);
    await page.goto(`./#/sources/${SEED.article}`);
    const chooser = page.getByLabel('Show highlights');
    await expect(chooser).toHaveValue('all');
    const all = await sources.marks.count();
    expect(all).toBeGreaterThan(20);
    await expect(sources.evidenceList.getByRole('listitem')).toHaveCount(SEED.articleEvidenceCount);

    await chooser.selectOption('none');
    await expect(sources.marks).toHaveCount(0);
    await expect(page.getByText('No highlights shown')).toBeVisible();

    // One record: the Saudi visit. Every mark left supports it, and the list holds its quotes only.
    const saudi = (await chooser.locator('option').allTextContents()).find(
      (t) => t.startsWith('Mustafa al-Kadhemi → Saudi Arabia') && t.includes('(visit)'),
    );
    expect(saudi).toBeTruthy();
    await chooser.selectOption({ label: saudi! });
    const quotes = Number(/\((\d+)\)$/.exec(saudi!)?.[1]);
    await expect(sources.evidenceList.getByRole('listitem')).toHaveCount(quotes);
    const marks = await sources.marks.all();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.length).toBeLessThan(all);
    for (const mark of marks) await expect(mark).toHaveAttribute('title', /Mustafa al-Kadhemi → Saudi Arabia/);
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      for (const width of [900, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: `${SHOTS}/reader-one-record-${width}-light.png` });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: `${SHOTS}/reader-one-record-${width}-dark.png` });
        expect(await seriousViolations(page)).toEqual([]);
        await page.emulateMedia({ colorScheme: 'light' });
      }
    }

    // One field: each mark left names that field.
    const field = (await chooser.locator('optgroup[label="One field"] option').allTextContents())[0]!;
    await chooser.selectOption({ label: field });
    const kind = field.replace(/ \(\d+\)$/, '');
    for (const mark of await sources.marks.all())
      await expect(mark).toHaveAttribute('title', new RegExp(kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    await chooser.selectOption('all');
    await expect(sources.marks).toHaveCount(all);
  });

  test('a quote followed from a record stays marked whatever the chooser shows', async ({ page }) => {
    const sources = new SourcesPage(page);
    await page.goto(`./#/sources/${SEED.article}?highlight=${SEED.saudiPostponedEvidence.id}`);
    await page.getByLabel('Show highlights').selectOption('none');
    const current = sources.text.locator('mark.evidence-current');
    expect((await current.allTextContents()).join('')).toBe(SEED.saudiPostponedEvidence.quote);
  });

  test('a pasted page’s leading "date YYYY-MM-DD" line is not shown as text; it gives the publication date', async ({ page }) => {
    const sources = new SourcesPage(page);
    await sources.open();
    await page.getByRole('button', { name: 'New source' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Stored page with a date line');
    await page.getByLabel('Text', { exact: true }).fill('date 2020-07-23\n\nBaghdad — The prime minister left for Tehran.');
    await page.getByRole('button', { name: 'Save source' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stored page with a date line' })).toBeVisible();
    await expect(sources.text).toHaveText('Baghdad — The prime minister left for Tehran.');
    await expect(sources.fact('Published')).toHaveText('23 July 2020 (from the page’s date line)');
  });

  test('the seeded article starts at its dateline, without the page’s date stamp', async ({ page }) => {
    const sources = new SourcesPage(page);
    await page.goto(`./#/sources/${SEED.article}`);
    await expect(sources.text).toHaveText(/^TEHRAN: Iran/);
    await expect(sources.fact('Published')).toHaveText('22 July 2020');
  });
});
