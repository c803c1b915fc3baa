import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledHsgFolder } from '../support-build/hsg-scale';
import { test, expect } from './support/fixtures';
import { choose } from './support/combobox';
import { VisitsList } from './support/visits-page';
import { recordTexts } from './support/text-recorder';

/** The Office of the Historian data set, unpacked from the copy the app ships. */
const HSG = bundledHsgFolder();
const VISITS_1950 = resolve(HSG, 'visits/1950.xml');
const KENNEDY = resolve(HSG, 'travels/president-travels/kennedy-john-f.xml');

function count(file: string, re: RegExp): number {
  return readFileSync(file, 'utf8').match(re)?.length ?? 0;
}

test.describe('Import a dataset (Office of the Historian)', () => {
  test('imports chosen XML files; the visits appear in the Visits list; importing again creates nothing new', async ({ page }) => {
    await page.goto('./#/import/dataset');
    await expect(page.getByRole('heading', { level: 1, name: 'Import a dataset' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Choose files…' })).toBeEnabled();

    const records = count(VISITS_1950, /<visit>/g) + count(KENNEDY, /<trip\s/g);
    await page.getByLabel('XML files to import').setInputFiles([VISITS_1950, KENNEDY]);

    const summary = page.getByRole('region', { name: 'Import finished' });
    await expect(summary).toBeVisible({ timeout: 20_000 });
    await expect(summary).toContainText(`Read 2 files with ${records} records`);
    const table = summary.getByRole('table', { name: 'Imported records' });
    const visitsRow = table.getByRole('row', { name: /^Visits/ });
    // Kennedy's trips to several cities are one visit per city: more visits than records.
    const created = Number((await visitsRow.getByRole('cell').nth(0).textContent())?.replace(/,/g, ''));
    expect(created).toBeGreaterThan(records);
    await expect(
      table
        .getByRole('row', { name: /^Sources/ })
        .getByRole('cell')
        .nth(0),
    ).toHaveText('2');

    // The Visits list, filtered by host country: Kennedy's two trips to Germany, five cities.
    await summary.getByRole('link', { name: 'See the imported visits' }).click();
    const list = new VisitsList(page);
    await expect(list.heading).toBeVisible();
    await list.goto();
    await choose(list.country, 'Germany', 'germ');
    await list.expectCount(5);
    for (const city of ['Bonn', 'Cologne', 'Frankfurt', 'Wiesbaden', 'West Berlin']) {
      await expect(list.row(`John F. Kennedy → Germany, ${city}`)).toHaveCount(1);
    }
    await expect(list.row('John F. Kennedy → Germany, Bonn').getByRole('cell').nth(2)).toHaveText('completed');

    // Import the same files again: everything is recognised, nothing new.
    await page.goto('./#/import/dataset');
    await expect(page.getByText(/Last import: .*created/)).toBeVisible();
    await page.getByLabel('XML files to import').setInputFiles([VISITS_1950, KENNEDY]);
    await expect(summary).toBeVisible({ timeout: 20_000 });
    const again = summary.getByRole('table', { name: 'Imported records' });
    await expect(
      again
        .getByRole('row', { name: /^Visits/ })
        .getByRole('cell')
        .nth(0),
    ).toHaveText('0');
    await expect(
      again
        .getByRole('row', { name: /^Visits/ })
        .getByRole('cell')
        .nth(1),
    ).toHaveText(created.toLocaleString('en'));
    await expect(
      again
        .getByRole('row', { name: /^People/ })
        .getByRole('cell')
        .nth(0),
    ).toHaveText('0');
    await list.goto('?country=DE');
    await list.expectCount(5);
  });

  test('a file with a DOCTYPE is refused by name; the other files are imported', async ({ page }) => {
    await page.goto('./#/import/dataset');
    await page.getByLabel('XML files to import').setInputFiles([
      {
        name: 'evil.xml',
        mimeType: 'application/xml',
        buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE v [<!ENTITY x SYSTEM "file:///etc/passwd">]><visits>&x;</visits>'),
      },
      { name: 'kennedy-john-f.xml', mimeType: 'application/xml', buffer: readFileSync(KENNEDY) },
    ]);
    const summary = page.getByRole('region', { name: 'Import finished' });
    await expect(summary).toBeVisible({ timeout: 20_000 });
    const alert = summary.getByRole('alert');
    await expect(alert).toContainText('1 file was not imported');
    await expect(alert).toContainText('evil.xml: refused: the file contains a <!DOCTYPE> declaration');
    await expect(summary).toContainText(`Read 2 files with ${count(KENNEDY, /<trip\s/g)} records`);
  });

  test('files that are not XML are said so, nothing starts', async ({ page }) => {
    await page.goto('./#/import/dataset');
    await page
      .getByLabel('XML files to import')
      .setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
    await expect(page.getByRole('status').filter({ hasText: 'None of the chosen files is an XML file' })).toBeVisible();
  });

  test('the bundled Office of the Historian records: one click imports all 8,222 visits; a second click creates nothing', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto('./#/import/dataset');
    const bundled = page.getByRole('button', { name: 'Office of the Historian records (bundled), 8,222 visits' });
    await bundled.click();
    await expect(page.getByText(/^Saving… /)).toBeVisible({ timeout: 120_000 });
    const finished = page.getByRole('region', { name: 'Import finished' });
    await expect(finished).toBeVisible({ timeout: 180_000 });
    const visitCells = finished
      .getByRole('table', { name: 'Imported records' })
      .getByRole('row', { name: /^Visits/ })
      .getByRole('cell');
    await expect(visitCells.nth(0)).toHaveText('8,222');
    await expect(finished).toContainText('Read 72 files with 7,535 records');

    const list = new VisitsList(page);
    await list.goto();
    await expect(list.count).toHaveText(/^8,225 visits/);

    // Again: everything is recognised, nothing new is made.
    await page.goto('./#/import/dataset');
    await bundled.click();
    await expect(finished).toBeVisible({ timeout: 180_000 });
    await expect(visitCells.nth(0)).toHaveText('0');
    await expect(visitCells.nth(1)).toHaveText('8,222');
    await expect(finished.getByRole('button', { name: 'Undo this import' })).toHaveCount(0);
    await list.goto();
    await expect(list.count).toHaveText(/^8,225 visits/);
  });

  test('the whole data set: cancel while saving keeps whole batches; importing again completes it (timed)', async ({ page }) => {
    test.setTimeout(240_000);
    const all = ['visits', 'travels/president-travels', 'travels/secretary-travels'].flatMap((d) =>
      readdirSync(join(HSG, d))
        .filter((f) => f.endsWith('.xml'))
        .map((f) => join(HSG, d, f)),
    );
    await page.goto('./#/import/dataset');
    // Every label the progress shows, in order (some are on screen for a moment only).
    const progressLabels = await recordTexts(page, '#dataset-progress-label');
    // Another window, its search index ready before the import starts.
    const other = await page.context().newPage();
    await other.goto('./#/search');
    await expect(other.locator('[data-index-phase="ready"]')).toBeVisible({ timeout: 30_000 });
    const began = Date.now();
    await page.getByLabel('XML files to import').setInputFiles(all);
    // Each stage of reading reports as it goes: the files, the records in them, then the visits made and checked.
    await expect(page.getByText(/^Saving… /)).toBeVisible({ timeout: 120_000 });
    const labels = await progressLabels();
    const stages = [
      ...new Set(
        labels.map((l) => /^(Reading \d+ of [\d,]+ files|Parsing|Making visits|Checking|Saving)/.exec(l)?.[1]?.replace(/\d+/g, 'N')),
      ),
    ].filter(Boolean);
    expect(stages).toEqual([`Reading N of N files`, 'Parsing', 'Making visits', 'Checking', 'Saving']);
    // Parsing counts the records of every file chosen (on screen for a moment only on a fast machine).
    expect(labels.filter((l) => /^Parsing [\d,]+ of 7,535 records…$/.test(l)).length).toBeGreaterThan(0);
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(page.getByText(/^Saving… [1-9][\d,]* of [\d,]+ records$/)).toBeVisible({ timeout: 120_000 });
    // Search, in another window, does not read between the import's batches, says so, and takes in
    // the records each batch hands over while the import goes on.
    const held = other.locator('[data-index-phase="ready"][data-index-held="import"]');
    await expect(held).toContainText('an import is being saved: its records are indexed batch by batch', { timeout: 30_000 });
    const indexed = async () => Number(((await held.textContent()) ?? '').replace(/,/g, '').match(/^\d+/)?.[0]);
    await expect.poll(indexed, { timeout: 60_000 }).toBeGreaterThan(1000);
    await expect(held).toBeVisible(); // still saving
    await page.getByRole('button', { name: 'Cancel' }).click();
    const stopped = page.getByRole('region', { name: 'Import stopped' });
    await expect(stopped).toBeVisible({ timeout: 60_000 });
    const text = (await stopped.textContent()) ?? '';
    // Once the import stops, the other window's index takes in what was saved.
    await expect(other.locator('[data-index-phase="ready"]:not([data-index-held])')).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(
        async () => Number(((await other.locator('[data-index-phase="ready"]').textContent()) ?? '').replace(/,/g, '').match(/^\d+/)?.[0]),
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThan(1000);
    await other.close();
    const saved = Number(/Stopped after saving ([\d,]+) of/.exec(text)?.[1]?.replace(/,/g, ''));
    // Whole batches of 1,000 only.
    expect(saved % 1000).toBe(0);

    await page.getByRole('button', { name: 'Import more files' }).click();
    // The stopped run is offered for resuming (tests/e2e/faults.spec.ts resumes one); importing the same files again also completes it.
    await expect(page.getByRole('region', { name: 'Unfinished import' })).toContainText(
      `was stopped: it stopped at ${saved.toLocaleString('en-US')} of`,
    );
    await page.getByLabel('XML files to import').setInputFiles(all);
    const finished = page.getByRole('region', { name: 'Import finished' });
    await expect(finished).toBeVisible({ timeout: 180_000 });
    const visits = finished
      .getByRole('table', { name: 'Imported records' })
      .getByRole('row', { name: /^Visits/ })
      .getByRole('cell');
    const created = Number((await visits.nth(0).textContent())?.replace(/,/g, ''));
    const present = Number((await visits.nth(1).textContent())?.replace(/,/g, ''));
    expect(created + present).toBe(8222);
    console.info(`Whole Office of the Historian set in the browser (cancelled once, then completed): ${Date.now() - began} ms`);
  });
});
