import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { buildGeneratedTables } from '../unit/reports/build-visits';
import { expect, test } from './support/fixtures';
import { choose } from './support/combobox';
import { ReportsPage, restoreTables } from './support/reports-page';
import { SEED } from './support/seed-refs';

const TITLES = ['Mustafa al-Kadhemi → Iran, Tehran', 'Mustafa al-Kadhemi → United States, Washington', 'Mustafa al-Kadhemi → Saudi Arabia'];

/** Text of a PDF, read by poppler's pdftotext (Debian's poppler-utils). */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** Today in the test's zone, as the page's date input shows it (what shared/model's localToday gives). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Number of pages of a PDF, by poppler's pdfinfo. */
function pdfPages(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
}

test.describe('Reports', () => {
  test('exports all visits as Markdown: a download with the three seeded visits', async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.open();
    await expect(reports.visits('All visits')).toBeChecked();
    await expect(reports.preview).toHaveText('All visits: 3 visits');
    // The brief is the default report; the full report is the annex.
    await expect(reports.report('Brief')).toBeChecked();
    await reports.report('Annex (full report)').check();
    const { name, text } = await reports.export('Markdown');
    expect(name).toMatch(/^legation-report-\d{4}-\d{2}-\d{2}\.md$/);
    expect(text).toMatch(/^# Legation report\n/);
    for (const t of TITLES) expect(text).toContain(t);
    // In the reader's words: statuses, history, the time of generation in their zone.
    expect(text).toContain('- 20 July 2020: **Postponed** — King Salman was hospitalised');
    expect(text).toContain('- **Visits:** 3 (1 planned, 1 postponed, 1 completed)');
    expect(text).toMatch(/- \*\*Generated:\*\* \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/);
    expect(text).not.toMatch(/status change to|\(on\)|\(reason\)|planned → postponed|a window, not an exact day/);
    expect(text).toContain('They killed your guest in your house and blatantly confessed to it.');
    await expect(page.getByText(/Report saved as legation-report-.*\.md \(Markdown, 3 visits\)/)).toBeVisible();
  });

  test('CSV of a filter, iCalendar and Word of all visits open in their readers', async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.open();
    await reports.report('Annex (full report)').check();
    await reports.visits('Visits matching filters').check();
    await reports.field('Status').selectOption('planned');
    await expect(reports.preview).toHaveText('Planned visits: 1 visit');
    await expect(page).toHaveURL(/#\/reports\?status=planned$/);
    const csv = await reports.export('CSV');
    expect(csv.name).toMatch(/\.csv$/);
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.map((r) => [r.id, r.destination, r.status, r.status_label])).toEqual([
      [SEED.washingtonVisit, 'United States, Washington', 'planned', 'Planned'],
    ]);

    await reports.visits('All visits').check();
    await expect(reports.preview).toHaveText('All visits: 3 visits');
    const ics = await reports.export('iCalendar');
    const cal = new ICAL.Component(ICAL.parse(ics.text) as unknown[]);
    const events = cal.getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid')).sort()).toEqual(
      [`${SEED.tehranVisit}@legation`, `${SEED.washingtonVisit}@legation`].sort(),
    );
    expect(events.every((e) => (e.getFirstPropertyValue('dtstart') as ICAL.Time).isDate)).toBe(true);
    // The "within weeks" plan: one entry on the window's first day, titled with the window.
    const washington = events.find((e) => e.getFirstPropertyValue('uid') === `${SEED.washingtonVisit}@legation`)!;
    expect((washington.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2020-07-22');
    expect((washington.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2020-07-23');
    expect(washington.getFirstPropertyValue('summary')).toBe(
      'Mustafa al-Kadhemi → United States, Washington — 22 July 2020 – 2 September 2020 (within weeks)',
    );

    // Word: written in a worker, read by mammoth.
    const docx = await reports.export('Word (DOCX)');
    expect(docx.name).toMatch(/\.docx$/);
    const { value } = await mammoth.extractRawText({ buffer: docx.bytes });
    for (const t of TITLES) expect(value).toContain(t);
    expect(value).toContain('King Salman was hospitalised');
    expect(value).toContain('They killed your guest in your house and blatantly confessed to it.');
  });

  test('links open Reports preselected: ?visit=<id> and the Visits list’s filter parameters', async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.openWith(`visit=${SEED.saudiVisit}`);
    await expect(reports.visits('One visit')).toBeChecked();
    await expect(reports.field('Visit')).toHaveValue(/^Mustafa al-Kadhemi → Saudi Arabia \(/);
    await expect(reports.preview).toHaveText('One visit: Mustafa al-Kadhemi → Saudi Arabia: 1 visit');
    await reports.report('Annex (full report)').check();
    const { text } = await reports.export('JSON');
    const model = JSON.parse(text) as { visits: { id: string; statusHistory: { reason: string }[] }[] };
    expect(model.visits.map((v) => v.id)).toEqual([SEED.saudiVisit]);
    expect(model.visits[0]!.statusHistory[1]!.reason).toBe('King Salman was hospitalised');

    await reports.openWith(`country=IR&traveller=${SEED.kadhemi}&from=2020-07-01&to=2020-07-31`);
    await expect(reports.visits('Visits matching filters')).toBeChecked();
    await expect(reports.field('Host country')).toHaveValue('Iran');
    await expect(reports.field('From')).toHaveValue('2020-07-01');
    await expect(reports.preview).toHaveText('Visits of Mustafa al-Kadhemi to Iran from 2020-07-01 to 2020-07-31: 1 visit');
    await choose(reports.field('Host country'), 'Saudi Arabia', 'saudi');
    await expect(reports.preview).toContainText('0 visits');
    await expect(reports.exportButton).toBeDisabled();
  });

  test('the HTML export is inert in Chromium: payloads in purposes and notes stay text', async ({ page }, testInfo) => {
    const payloads = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned=2">', '"><svg onload="window.__pwned=3">'];
    await restoreTables(
      page,
      buildGeneratedTables(6, { purposes: payloads, notes: [`# Heading in a note\n\n${payloads[1]}`, payloads[0]!] }),
    );
    const reports = new ReportsPage(page);
    await reports.open();
    await expect(reports.preview).toHaveText('All visits: 6 visits');
    await reports.report('Annex (full report)').check();
    const { name, text } = await reports.export('HTML');
    expect(name).toMatch(/\.html$/);

    const file = testInfo.outputPath('report.html');
    writeFileSync(file, text);
    // A page of its own, outside the app (file://), with JavaScript on: would anything run?
    const viewer = await page.context().newPage();
    try {
      const requests: string[] = [];
      viewer.on('request', (r) => requests.push(r.url()));
      let dialogs = 0;
      viewer.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await viewer.goto(`file://${file}`);
      await expect(viewer.getByRole('heading', { level: 1, name: 'Legation report' })).toBeVisible();
      await expect(viewer.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
      await expect(viewer.getByRole('heading', { level: 3 })).toHaveCount(6);
      await expect(viewer.getByText(payloads[0]!, { exact: true })).toHaveCount(2); // a purpose and a note, as text
      await expect(viewer.locator('pre.note').first()).toContainText('# Heading in a note');
      expect(await viewer.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await viewer.locator('script, img, svg, iframe, [onerror], [onload]').count()).toBe(0);
      expect(dialogs).toBe(0);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  test('the print view renders the report; its PDF has the title, visits and quotes', async ({ page }, testInfo) => {
    await page.goto(`./#/reports/print?title=${encodeURIComponent('Kadhemi’s travels, July 2020')}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Kadhemi’s travels, July 2020' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(3);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    const pdf = testInfo.outputPath('report.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    // Three visits of the seed, with every quote and the context: three A4 pages, not four.
    expect(pdfPages(pdf)).toBeLessThanOrEqual(3);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Kadhemi’s travels, July 2020');
    for (const t of TITLES) expect(text).toContain(t);
    expect(text).toContain('They killed your guest in your house and blatantly confessed to it.');
    expect(text).toContain('King Salman was hospitalised');
    expect(text).not.toContain('Back to Reports');
  });

  test('“PDF (print)” opens the print view and prints once', async ({ page }) => {
    await page.addInitScript(() => {
      window.print = () => {
        const w = window as { __printed?: number };
        w.__printed = (w.__printed ?? 0) + 1;
      };
    });
    await page.reload();
    const reports = new ReportsPage(page);
    await reports.openWith('status=postponed');
    await reports.report('Annex (full report)').check();
    await reports.format('PDF (print)').check();
    await page.getByRole('button', { name: 'Open print view' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Legation report' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['1. Mustafa al-Kadhemi → Saudi Arabia']);
    await expect.poll(() => page.evaluate(() => (window as { __printed?: number }).__printed)).toBe(1);
    await expect(page).toHaveURL(/#\/reports\/print\?status=postponed&title=Legation\+report$/);
    await page.getByRole('link', { name: '← Back to Reports' }).click();
    await expect(reports.preview).toHaveText('Postponed visits: 1 visit');
  });

  test('a large export shows progress, and Cancel stops it between chunks', async ({ page }) => {
    test.setTimeout(90_000);
    await restoreTables(page, buildGeneratedTables(1500), 'large.json');
    const reports = new ReportsPage(page);
    await reports.open();
    await expect(reports.preview).toHaveText('All visits: 1500 visits');
    await reports.report('Annex (full report)').check();

    // Watch the progress bar from inside the page (it may come and go between two Playwright polls).
    const watch = () =>
      page.evaluate(() => {
        const w = window as { __seen?: number[] };
        w.__seen = [];
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"]');
          if (bar) w.__seen!.push(Number(bar.getAttribute('aria-valuenow')));
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
      });
    await watch();
    const csv = await reports.export('CSV');
    expect(Papa.parse(csv.text, { header: true, skipEmptyLines: true }).data).toHaveLength(1500);
    const seen = await page.evaluate(() => (window as { __seen?: number[] }).__seen ?? []);
    expect(seen.length).toBeGreaterThan(2);
    expect(Math.max(...seen)).toBeGreaterThan(0);

    // Cancel as soon as the bar shows; nothing is downloaded.
    await page.evaluate(() => {
      new MutationObserver((_, obs) => {
        const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
        if (cancel) {
          obs.disconnect();
          cancel.click();
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
    let downloads = 0;
    page.on('download', () => downloads++);
    await reports.format('Markdown').check();
    await reports.exportButton.click();
    await expect(page.getByText('Report cancelled; nothing was saved')).toBeVisible();
    await expect(reports.progressBar).toBeHidden();
    await expect(reports.exportButton).toBeEnabled();
    expect(downloads).toBe(0);
  });

  test('the Brief is the default: Markdown and Word downloads, and a print view of at most two PDF pages', async ({ page }, testInfo) => {
    const reports = new ReportsPage(page);
    await reports.open();
    await expect(reports.report('Brief')).toBeChecked();
    await expect(reports.field('As of')).toHaveValue(today());
    // The data formats are the annex's.
    await expect(reports.format('CSV')).toBeDisabled();
    await expect(reports.format('iCalendar')).toBeDisabled();

    const md = await reports.export('Markdown');
    expect(md.name).toMatch(/^legation-brief-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toMatch(/^# Legation brief\n/);
    expect(md.text).toContain('## Summary');
    expect(md.text).toContain('3 visits: 1 planned, 1 postponed and 1 completed.');
    expect(md.text).toMatch(/- \*\*Generated:\*\* \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/);
    // Six years on, the Washington plan of July 2020 is overdue; the Saudi trip is postponed, with its reason.
    const overdue = md.text.slice(md.text.indexOf('## Overdue plans'), md.text.indexOf('## Postponed or cancelled'));
    expect(overdue).toContain('Mustafa al-Kadhemi → United States, Washington** — 22 July 2020 – 2 September 2020 (within weeks)');
    expect(md.text).toContain('Postponed on 20 July 2020: King Salman was hospitalised');
    expect(md.text).not.toContain('They killed your guest'); // quotes are the annex's
    expect(md.text).not.toMatch(/\bofficial\b|\(on\)|\(reason\)/);
    await expect(page.getByText(/Brief saved as legation-brief-.*\.md \(Markdown, 3 visits\)/)).toBeVisible();

    // As of a day in July 2020: the "within weeks" window is coming up, and the changes since 1 July are told.
    await reports.field('As of').fill('2020-07-25');
    await reports.field('Changes since').fill('2020-07-01');
    const docx = await reports.export('Word (DOCX)');
    expect(docx.name).toMatch(/^legation-brief-.*\.docx$/);
    const { value } = await mammoth.extractRawText({ buffer: docx.bytes });
    expect(value).toContain('As of: 25 July 2020');
    expect(value).toContain('Since 1 July 2020: 2 new plans, 1 postponement (King Salman was hospitalised) and 1 completion.');
    const next30 = value.slice(value.indexOf('Next 30 days'), value.indexOf('In 31 to 90 days'));
    expect(next30).toContain('Mustafa al-Kadhemi → United States, Washington');

    // "Changes since" after "As of" is refused before anything is written.
    await reports.field('Changes since').fill('2020-08-01');
    await expect(page.getByRole('alert')).toHaveText('“Changes since” must be on or before “As of”.');
    await expect(reports.exportButton).toBeDisabled();
    await reports.field('Changes since').fill('2020-07-01');

    // PDF: the print view of the brief, printed by Chromium.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await reports.format('PDF (print)').check();
    await page.getByRole('button', { name: 'Open print view' }).click();
    await expect(page).toHaveURL(/#\/reports\/print\?title=Legation\+brief&template=brief&asOf=2020-07-25&since=2020-07-01$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Legation brief' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const pdf = testInfo.outputPath('brief.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Legation brief');
    expect(text).toContain('King Salman was hospitalised');
    expect(text).toMatch(/Generated \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/);
    expect(text).not.toContain('Back to Reports');
  });

  test('the Visit dossier from the Reports screen: Markdown, Word and HTML downloads, and one PDF page', async ({ page }, testInfo) => {
    const reports = new ReportsPage(page);
    await reports.open();
    await reports.report('Visit dossier').check();
    // The dossier is of one visit: the first is chosen; the data formats are the annex's.
    await expect(reports.field('Visit')).not.toHaveValue('');
    await expect(reports.format('CSV')).toBeDisabled();
    await expect(reports.field('Title')).toHaveValue('Visit dossier');
    await choose(reports.field('Visit'), 'Mustafa al-Kadhemi → Iran, Tehran', 'tehran');
    await expect(page).toHaveURL(new RegExp(`#/reports\\?visit=${SEED.tehranVisit}$`));
    await expect(reports.preview).toHaveText('The dossier of Mustafa al-Kadhemi → Iran, Tehran, with the earlier visits both ways');

    const md = await reports.export('Markdown');
    expect(md.name).toMatch(/^visit-dossier-mustafa-al-kadhemi-iran-tehran-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toMatch(/^# Mustafa al-Kadhemi → Iran, Tehran\n\n_Visit dossier_\n/);
    expect(md.text).toContain('- **Hosts:** Ali Khamenei (Supreme Leader of Iran)');
    expect(md.text).toContain('- 21 July 2020: **Completed**, for 21 July 2020[^1]');
    expect(md.text).toContain('### Mustafa al-Kadhemi’s earlier visits to Iran');
    expect(md.text).toMatch(/- \*\*Generated:\*\* \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/);
    await expect(page.getByText(/Dossier saved as visit-dossier-.*\.md \(Markdown, 1 visit\)/)).toBeVisible();

    const docx = await reports.export('Word (DOCX)');
    const { value } = await mammoth.extractRawText({ buffer: docx.bytes });
    expect(value).toContain('Traveller: Mustafa al-Kadhemi, Prime Minister of Iraq');
    expect(value).toContain('Counterparts: Ali Khamenei (Supreme Leader of Iran)');
    expect(value).toContain('They killed your guest in your house and blatantly confessed to it.');
    expect(value).not.toMatch(/\bofficial\b|\(on\)|\(reason\)|status change to/);

    const html = await reports.export('HTML');
    const file = testInfo.outputPath('dossier.html');
    writeFileSync(file, html.text);
    const viewer = await page.context().newPage();
    try {
      await viewer.goto(`file://${file}`);
      await expect(viewer.getByRole('heading', { level: 1, name: 'Mustafa al-Kadhemi → Iran, Tehran' })).toBeVisible();
      // The seed holds no notes: no Notes section.
      await expect(viewer.getByRole('heading', { level: 2 })).toHaveText([
        'Status history',
        'Counterparts and meetings',
        'Earlier visits',
        'Sources',
      ]);
    } finally {
      await viewer.close();
    }

    // PDF: the dossier page, printed once, one A4 page.
    await page.evaluate(() => {
      window.print = () => {
        const w = window as { __printed?: number };
        w.__printed = (w.__printed ?? 0) + 1;
      };
    });
    await reports.format('PDF (print)').check();
    await page.getByRole('button', { name: 'Open print view' }).click();
    await expect(page).toHaveURL(new RegExp(`#/reports/dossier/${SEED.tehranVisit}\\?title=Visit\\+dossier$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Mustafa al-Kadhemi → Iran, Tehran' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as { __printed?: number }).__printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const pdf = testInfo.outputPath('dossier.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(pdfPages(pdf)).toBe(1);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Mustafa al-Kadhemi → Iran, Tehran');
    expect(text).toContain('Status history');
    expect(text).toContain('Earlier visits from Iran to Iraq');
    expect(text).toMatch(/Generated \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/);
    expect(text).not.toContain('Back to Reports');
    expect(text).not.toContain('Save as');
  });

  test('/reports/dossier/<id> opened directly: the dossier, saved as Word from its page; a wrong id says so', async ({ page }) => {
    await page.goto(`./#/reports/dossier/${SEED.washingtonVisit}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mustafa al-Kadhemi → United States, Washington' })).toBeVisible();
    await expect(page.getByText('Planned, overdue: its dates passed on 2 September 2020 with no record of what happened')).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Earlier visits from United States to Iraq' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as Word (DOCX)' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^visit-dossier-mustafa-al-kadhemi-united-states-washington-\d{4}-\d{2}-\d{2}\.docx$/);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(await d.path()) });
    expect(value).toContain('Dates: 22 July 2020 – 2 September 2020 (within weeks)');
    await expect(page.getByText(/Dossier saved as visit-dossier-.*\.docx \(Word \(DOCX\)\)/)).toBeVisible();

    await page.getByRole('link', { name: '← Back to Reports' }).click();
    const reports = new ReportsPage(page);
    await expect(reports.field('Visit')).toHaveValue(/^Mustafa al-Kadhemi → United States, Washington \(/);

    await page.goto('./#/reports/dossier/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('alert')).toContainText('There is no visit with this id');
    await expect(page.getByRole('button', { name: 'Save as Markdown' })).toBeDisabled();
  });

  test('from a visit’s page: its "Visit dossier" link opens that visit’s dossier', async ({ page }) => {
    await page.goto(`./#/visits/${SEED.washingtonVisit}`);
    await page.getByRole('link', { name: 'Visit dossier' }).click();
    await expect(page).toHaveURL(new RegExp(`#/reports/dossier/${SEED.washingtonVisit}`));
    await expect(page.getByRole('heading', { level: 1, name: 'Mustafa al-Kadhemi → United States, Washington' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Earlier visits from United States to Iraq' })).toBeVisible();
  });

  test('screenshots: the Reports screen and the print view, light and dark', async ({ page }, testInfo) => {
    const reports = new ReportsPage(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await reports.openWith(`traveller=${SEED.kadhemi}`);
      await expect(reports.preview).toHaveText('Visits of Mustafa al-Kadhemi: 3 visits');
      await expect(reports.report('Brief')).toBeChecked();
      await page.screenshot({ path: testInfo.outputPath(`reports-${scheme}.png`), fullPage: true });
      await page.goto('./#/reports/print');
      await expect(page.getByRole('heading', { level: 3 })).toHaveCount(3);
      await page.screenshot({ path: testInfo.outputPath(`reports-print-${scheme}.png`) });
      await page.goto('./#/reports/print?template=brief&asOf=2020-07-25&since=2020-07-01');
      await expect(page.getByRole('heading', { level: 2, name: 'Overdue plans' })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`reports-print-brief-${scheme}.png`) });
    }
  });
});
