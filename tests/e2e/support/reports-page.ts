import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { BackupTables } from '../../../shared/backup';
import { SettingsPage } from './settings-page';

export type VisitsChoice = 'All visits' | 'Visits matching filters' | 'One visit';
export type ReportName = 'Brief' | 'Visit dossier' | 'Annex (full report)';
export type FormatName = 'Markdown' | 'HTML' | 'Word (DOCX)' | 'PDF (print)' | 'CSV' | 'iCalendar' | 'JSON' | 'TimelineJS';

/** The Reports screen: choose the report (Brief or Annex), visits and a format, export; and its print view. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  }

  /** Opens /reports with URL parameters (a link from elsewhere), e.g. "visit=<id>" or "status=planned". */
  async openWith(query: string): Promise<void> {
    await this.page.goto(`./#/reports?${query}`);
    await this.page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  }

  visits(choice: VisitsChoice): Locator {
    return this.page.getByRole('radiogroup', { name: 'Which visits' }).getByRole('radio', { name: choice });
  }

  /** The report to write: the Brief (the default), a Visit dossier or the Annex (the full report). */
  report(name: ReportName): Locator {
    return this.page.getByRole('radiogroup', { name: 'Report' }).getByRole('radio', { name, exact: true });
  }

  format(name: FormatName): Locator {
    return this.page.getByRole('group', { name: 'Format' }).getByRole('radio', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** "All visits: 3 visits" */
  get preview(): Locator {
    return this.page.locator('.report-preview');
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export', exact: true });
  }

  get progressBar(): Locator {
    return this.page.getByRole('progressbar', { name: 'Report progress' });
  }

  /** Exports in a format and returns the downloaded file's name and bytes. */
  async export(format: FormatName): Promise<{ name: string; bytes: Buffer; text: string }> {
    await this.format(format).check();
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    const d = await download;
    const bytes = await readFile(await d.path());
    return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
  }
}

/** Replaces the app's data with these tables through Settings → Restore backup. */
export async function restoreTables(page: Page, tables: BackupTables, name = 'fixture.json'): Promise<void> {
  const settings = new SettingsPage(page);
  await settings.open();
  const backup = {
    format: 'legation-backup',
    formatVersion: 1,
    exportedAt: '2024-01-01T00:00:00.000Z',
    app: { name: 'Legation', version: '0.1.0' },
    tables,
  };
  await settings.chooseBackup(name, JSON.stringify(backup));
  await settings.confirmDialog.getByRole('button', { name: 'Replace all data' }).click();
  await settings.confirmDialog.waitFor({ state: 'hidden' });
  await page.getByText(`Restored ${name}`).waitFor();
}
