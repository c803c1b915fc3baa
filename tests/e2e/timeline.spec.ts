import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledHsgFolder } from '../support-build/hsg-scale';
import { test, expect } from './support/fixtures';
import { SEED } from './support/seed-refs';
import { TimelineScreen } from './support/timeline-page';
import { VisitDetail } from './support/visits-page';

const SHOTS = process.env.LEGATION_SHOTS ?? '';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test.describe('Timeline', () => {
  test('shows the three Kadhemi visits in his lane; the Saudi visit as moved, with its original plan', async ({ page }) => {
    test.setTimeout(60_000);
    const tl = new TimelineScreen(page);
    await tl.goto();
    // With no date in the URL the timeline opens on the data: the latest stretch with visits, the
    // last of them (Washington's window, to 2 September 2020) near the right edge.
    await expect.poll(() => tl.window()).toBe('9 Apr 2020 – 8 Oct 2020');
    await expect(tl.caption).toContainText('3 visits in 1 traveller');
    const lane = tl.lane('Mustafa al-Kadhemi');
    await expect(lane.getByRole('link')).toHaveCount(3);
    await expect(lane.getByRole('link', { name: /→ Tehran, Iran, 21 July 2020, completed$/ })).toBeVisible();
    await expect(
      lane.getByRole('link', { name: /→ Washington, United States, 22 July 2020 – 2 September 2020 \(within weeks\), planned$/ }),
    ).toBeVisible();

    // The postponed Saudi visit: the original plan (no date given; stood until 20 July) as a dashed
    // ghost, an arrow to "new date unknown", and the reason.
    const saudi = tl.visit(
      /→ Saudi Arabia, new date unknown, postponed; postponed on 20 July 2020 \(King Salman was hospitalised\): planned with no date given, moved to new date unknown/,
    );
    await expect(saudi).toBeVisible();
    const ghost = tl.ghost(saudi);
    await expect(ghost).toHaveAccessibleName(/^Originally planned: no date given/);
    const tehran = tl.visit(/→ Tehran, Iran/);
    const g = await ghost.boundingBox();
    const t = await tehran.locator('rect').first().boundingBox();
    expect(g && t).toBeTruthy();
    // The ghost stands on 20 July, one day before Tehran (21 July).
    expect(g!.x).toBeLessThan(t!.x);
    expect(t!.x - g!.x).toBeLessThan(20);
    await expect(saudi).toContainText('Saudi Arabia · moved');

    // The table alternative says the same in words.
    await page.getByText(/visits shown, as a table/).click();
    const row = tl.table.getByRole('row', { name: /Saudi Arabia/ });
    await expect(row).toContainText('postponed on 20 July 2020: planned with no date given → new date unknown');

    // Context events as markers.
    await expect(tl.events.filter({ hasText: 'King Salman of Saudi Arabia hospitalised' })).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/timeline-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/timeline-dark.png` });
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  test('a bar opens its visit by click and by keyboard (Enter)', async ({ page }) => {
    test.setTimeout(60_000);
    const tl = new TimelineScreen(page);
    await tl.goto('?at=2020-07-21&zoom=11');
    await tl.visit(/→ Tehran, Iran/).click();
    const detail = new VisitDetail(page);
    await expect(detail.heading).toContainText('Tehran');
    expect(page.url()).toContain(`/visits/${SEED.tehranVisit}`);

    await page.goBack();
    await expect(tl.visit(/→ Tehran, Iran/)).toBeVisible();
    await tl.visit(/→ Washington/).focus();
    await page.keyboard.press('Enter');
    await expect(detail.heading).toContainText('Washington');
    expect(page.url()).toContain(`/visits/${SEED.washingtonVisit}`);
  });

  test('zoom changes the scale (buttons, keys, presets); arrows pan; the URL keeps it for Back', async ({ page }) => {
    test.setTimeout(60_000);
    const tl = new TimelineScreen(page);
    await tl.goto('?at=2020-07-21');
    const months = await tl.window();
    expect(months).toBe('21 Apr 2020 – 20 Oct 2020');
    const tehran = tl
      .visit(/→ Tehran, Iran/)
      .locator('rect')
      .first();
    const narrow = (await tehran.boundingBox())!.width;

    await tl.zoomIn.click();
    await expect.poll(() => tl.window()).toBe('6 Jun 2020 – 4 Sep 2020');
    await tl.preset('Days').click();
    await expect.poll(() => tl.window()).toBe('16 Jul 2020 – 25 Jul 2020');
    await expect(tl.preset('Days')).toHaveAttribute('aria-pressed', 'true');
    const wide = (await tehran.boundingBox())!.width;
    // One day at 10 days per screen is wider than one day at 183 days per screen.
    expect(wide).toBeGreaterThan(narrow * 10);

    await tl.chart.focus();
    await page.keyboard.press('-');
    await expect.poll(() => tl.window()).toBe('11 Jul 2020 – 31 Jul 2020');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tl.window()).toBe('16 Jul 2020 – 5 Aug 2020');

    await page.goBack();
    await expect.poll(() => tl.window()).toBe('11 Jul 2020 – 31 Jul 2020');
    await page.goBack();
    await expect.poll(() => tl.window()).toBe('16 Jul 2020 – 25 Jul 2020');

    await tl.preset('Decades').click();
    await expect.poll(() => tl.window()).toBe('22 Jul 2005 – 21 Jul 2035');
    await expect(tl.lane('Mustafa al-Kadhemi').getByRole('link')).toHaveCount(3);

    // Lanes by host country: three lanes.
    await tl.laneBy.selectOption({ label: 'Host country' });
    await expect(tl.lanes).toHaveCount(3);
    await expect(tl.lane('Iran')).toBeVisible();
  });

  test('Fit all zooms out to every dated visit, from wherever the view is', async ({ page }) => {
    test.setTimeout(60_000);
    const tl = new TimelineScreen(page);
    await tl.goto('?at=1990-01-01&zoom=13');
    await expect(page.getByRole('heading', { name: 'No visits in this window' })).toBeVisible();
    await page.getByRole('button', { name: 'Fit all' }).click();
    // Tehran (21 July 2020) to the end of Washington's window (2 September 2020), with a margin.
    await expect.poll(() => tl.window()).toBe('27 Jun 2020 – 25 Sep 2020');
    await expect(tl.lane('Mustafa al-Kadhemi').getByRole('link')).toHaveCount(3);
    expect(await seriousViolations(page)).toEqual([]);
    // Back returns to where the user was.
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'No visits in this window' })).toBeVisible();
  });

  test('Fit all fits the visits the filters show: a host country chosen by typing narrows it, one with no dated visit disables it', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const tl = new TimelineScreen(page);
    await tl.goto('?at=1990-01-01&zoom=13');
    const fitAll = page.getByRole('button', { name: 'Fit all' });
    const country = page.getByRole('combobox', { name: 'Host country' });

    // Saudi Arabia: its one visit has no date, so there is nothing to fit, and the button says why.
    // Tabbed to from Status, as a keyboard user arrives: its text ("Any country") is selected, typing replaces it.
    await page.getByRole('combobox', { name: 'Status' }).focus();
    await page.keyboard.press('Tab');
    await expect(country).toBeFocused();
    await page.keyboard.type('saudi');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/country=SA/);
    await expect(fitAll).toBeDisabled();
    await expect(fitAll).toHaveAttribute('title', 'No dated visit matches these filters');

    // Iran: only the Tehran visit of 21 July 2020, not the summer-long span of every visit.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('iran');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/country=IR/);
    await expect(country).toHaveValue('Iran');
    await expect(fitAll).toBeEnabled();
    await fitAll.click();
    await expect(tl.visit(/Tehran/)).toBeVisible();
    const [from, to] = (await tl.window()).split(' – ').map((d) => Date.parse(`${d} UTC`));
    expect(from).toBeLessThanOrEqual(Date.parse('21 Jul 2020 UTC'));
    expect(to).toBeGreaterThanOrEqual(Date.parse('21 Jul 2020 UTC'));
    // Narrower than the fit of every visit (27 Jun – 25 Sep 2020, see above).
    expect(to! - from!).toBeLessThan(Date.parse('25 Sep 2020 UTC') - Date.parse('27 Jun 2020 UTC'));
    await expect(tl.lane('Mustafa al-Kadhemi').getByRole('link')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Any country again: Fit all takes in every dated visit.
    await country.fill('any');
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/country=/);
    await fitAll.click();
    await expect.poll(() => tl.window()).toBe('27 Jun 2020 – 25 Sep 2020');
  });

  test('in the Decades view every context-event label drawn is readable: none overlaps another', async ({ page }) => {
    test.setTimeout(60_000);
    const tl = new TimelineScreen(page);
    await page.setViewportSize({ width: 900, height: 800 });
    await tl.goto('?at=2020-07-21&zoom=2');
    // Five events of 2020, within a few pixels of each other at this scale: all are listed.
    await expect(tl.events).toHaveCount(5);
    const labels = page.getByRole('list', { name: 'Context events' }).locator('text');
    const boxes = [];
    for (const label of await labels.all()) boxes.push({ name: await label.textContent(), box: (await label.boundingBox())! });
    expect(boxes.length).toBeGreaterThan(0);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${boxes[i]!.name} / ${boxes[j]!.name}`).toBe(true);
      }
    }
    // An event without room for its label keeps its marker, named for screen readers and on hover.
    await expect(tl.events.filter({ hasText: 'King Salman of Saudi Arabia hospitalised' })).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/timeline-decades-900-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/timeline-decades-900-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('an empty window says what to do', async ({ page }) => {
    test.setTimeout(60_000);
    const tl = new TimelineScreen(page);
    await tl.goto('?at=1990-01-01&zoom=9');
    await expect(page.getByRole('heading', { name: 'No visits in this window' })).toBeVisible();
    await page.getByRole('button', { name: /^Go to the latest visit/ }).click();
    await expect(tl.lane('Mustafa al-Kadhemi').getByRole('link')).toHaveCount(3);
  });

  test('on the imported Office of the Historian data set, a decade shows lanes (capped) and zooms into bins', async ({ page }) => {
    test.setTimeout(150_000);
    const HSG = bundledHsgFolder();
    const files = [
      ...['1950.xml', '1960.xml'].map((f) => join(HSG, 'visits', f)),
      ...readdirSync(join(HSG, 'travels/president-travels'))
        .filter((f) => /^(eisenhower|kennedy|johnson|nixon)/.test(f))
        .map((f) => join(HSG, 'travels/president-travels', f)),
    ];
    await page.goto('./#/import/dataset');
    await page.getByLabel('XML files to import').setInputFiles(files);
    await expect(page.getByRole('region', { name: 'Import finished' })).toBeVisible({ timeout: 40_000 });

    const tl = new TimelineScreen(page);
    // With no day asked for, it opens on the data at a zoom that shows at least a dozen visits.
    await tl.goto();
    await expect(tl.caption).toContainText(/ · \d/);
    const opening = Number(/ · ([\d,]+) visits/.exec((await tl.caption.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
    expect(opening).toBeGreaterThanOrEqual(12);
    const began = Date.now();
    await tl.goto('?at=1965-01-01&zoom=4');
    await expect.poll(() => tl.window()).toBe('2 Jan 1960 – 1 Jan 1970');
    await expect(tl.lanes.first()).toBeVisible();
    const lanes = await tl.lanes.count();
    console.info(`Timeline, a decade of the imported data: ${lanes} lanes drawn in ${Date.now() - began} ms`);
    expect(lanes).toBeGreaterThan(5);
    expect(lanes).toBeLessThanOrEqual(30);
    await expect(page.getByText(/^and [\d,]+ more travellers \([\d,]+ visits\) not shown/)).toBeVisible();
    await expect(tl.lane(/^Visits of John F. Kennedy/)).toBeVisible();
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/timeline-decade-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/timeline-decade-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(await seriousViolations(page)).toEqual([]);

    // Visits too small to draw one by one are aggregated; a bin zooms in on its days.
    const bin = tl
      .lane(/^Visits of Lyndon B. Johnson/)
      .getByRole('button', { name: /^\d+ visits, .*: zoom in$/ })
      .first();
    await bin.click();
    await expect.poll(() => tl.window()).not.toBe('2 Jan 1960 – 1 Jan 1970');
    await expect(
      tl
        .lane(/^Visits of Lyndon B. Johnson/)
        .getByRole('link')
        .first(),
    ).toBeVisible();
  });
});
