import type { Locator, Page } from '@playwright/test';

/** The Sources list and the article reader. */
export class SourcesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Sources' });
  }

  get text(): Locator {
    return this.page.getByRole('region', { name: 'Article text' });
  }

  get marks(): Locator {
    return this.text.locator('mark');
  }

  get evidenceList(): Locator {
    return this.page.getByRole('complementary', { name: 'Evidence in this source' });
  }

  /** The reader's description list entry (Publisher, Dateline, Published). */
  fact(term: string): Locator {
    return this.page.locator('dl.source-facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}
