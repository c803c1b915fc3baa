import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** The Settings screen: backup and restore. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }

  /** Clicks "Export backup" and returns the downloaded file's name and text. */
  async exportBackup(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export backup' }).click();
    const d = await download;
    const path = await d.path();
    return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  async exportBackupAfterOpen(): Promise<{ name: string; text: string }> {
    await this.open();
    return this.exportBackup();
  }

  /** Clicks "Restore backup" and gives the file chooser a file with this text. */
  /** Picks a file to restore: text (written as UTF-8) or the exact bytes of a file. */
  async chooseBackup(name: string, content: string | Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Restore backup' }).click();
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
  }

  get problems(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'This backup was not restored' }) });
  }

  get confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Replace all data with this backup?' });
  }
}

/** A backup's tables without the export time: what must be identical when nothing changed. */
export function tablesOf(text: string): unknown {
  return (JSON.parse(text) as { tables: unknown }).tables;
}
