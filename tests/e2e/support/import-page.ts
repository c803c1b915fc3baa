import { expect, type Locator, type Page } from '@playwright/test';
/** The Import screen: paste an article, review the proposed visits, save. */
export class ImportPage {
  readonly heading: Locator;
  readonly textInput: Locator;
  readonly publicationDate: Locator;
  readonly findVisits: Locator;
  readonly cancel: Locator;
  readonly progress: Locator;
  readonly article: Locator;
  readonly marks: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly acceptAll: Locator;
  readonly rejectAll: Locator;
  readonly save: Locator;
  readonly duplicateWarning: Locator;
  readonly savedHeading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Import' });
    this.textInput = page.getByRole('textbox', { name: 'Article text' });
    this.publicationDate = page.getByLabel('Publication date');
    this.findVisits = page.getByRole('button', { name: 'Find visits' });
    this.cancel = page.getByRole('button', { name: 'Cancel' });
    this.progress = page.getByRole('status').filter({ hasText: 'Reading the article…' });
    this.article = page.getByRole('region', { name: 'Article text' });
    this.marks = this.article.locator('mark');
    this.table = page.getByRole('table', { name: 'Proposed visits' });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
    this.acceptAll = page.getByRole('button', { name: 'Accept all' });
    this.rejectAll = page.getByRole('button', { name: 'Reject all' });
    this.save = page.getByRole('button', { name: /^Save accepted \(\d+\)$/ });
    this.duplicateWarning = page.getByRole('alert').filter({ hasText: 'This article is already in your sources' });
    this.savedHeading = page.getByRole('heading', { level: 2, name: /^Saved \d+ visits?$/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await expect(this.heading).toBeVisible();
  }

  /**
   * Puts a long text in the box as one paste does (one input event). Playwright's fill types it
   * through the editing pipeline, which takes minutes for hundreds of kilobytes.
   */
  async pasteLong(text: string): Promise<void> {
    await this.textInput.evaluate((el, value) => {
      // React tracks the value through the prototype's setter; assigning el.value would be ignored.
      Reflect.set(HTMLTextAreaElement.prototype, 'value', value, el);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    // The window lays out megabytes of text once after the paste; on a loaded machine that takes seconds.
    await expect
      .poll(() => this.textInput.evaluate((el) => (el as HTMLTextAreaElement).value.length), { timeout: 30_000 })
      .toBe(text.length);
  }

  /** Pastes the text (fill is what a paste does to a textarea), sets the date, and runs the reader. */
  async read(text: string, publishedOn?: string): Promise<void> {
    await this.textInput.fill(text);
    if (publishedOn) await this.publicationDate.fill(publishedOn);
    await this.findVisits.click();
  }

  async waitForReview(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Change the text or date' })).toBeVisible({ timeout: 20_000 });
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  decision(row: Locator, name: 'Accept' | 'Reject' | 'Edit'): Locator {
    return row.getByRole('button', { name, exact: true });
  }

  /** The number in "Save accepted (N)". */
  async saveCount(): Promise<number> {
    const label = (await this.save.textContent()) ?? '';
    return Number(/\((\d+)\)/.exec(label)?.[1] ?? NaN);
  }

  get editDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Edit proposed visit' });
  }
}
