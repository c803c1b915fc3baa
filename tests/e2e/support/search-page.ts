import { expect, type Locator, type Page } from '@playwright/test';

/** The Search screen, found by role and name as a user sees them. */
export class SearchPage {
  constructor(readonly page: Page) {}

  /** Opens /search (optionally with a query in the URL, as the shortcut does). */
  async open(q?: string): Promise<void> {
    await this.page.goto(q === undefined ? './#/search' : `./#/search?q=${encodeURIComponent(q)}`);
    await this.page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  }

  get box(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  get results(): Locator {
    return this.page.getByRole('list', { name: 'Results' });
  }

  get resultLinks(): Locator {
    return this.results.getByRole('link');
  }

  get filters(): Locator {
    return this.page.getByRole('complementary', { name: 'Filters' });
  }

  /** The index status line, once the index is complete ('persisted' or 'rebuilt'). */
  get indexStatus(): Locator {
    return this.page.locator('[data-index-phase="ready"]');
  }

  async expectIndexSource(source: 'persisted' | 'rebuilt'): Promise<void> {
    await expect(this.indexStatus).toHaveAttribute('data-index-source', source);
  }

  facet(group: string, value: RegExp | string): Locator {
    return this.filters.getByRole('group', { name: group }).getByRole('checkbox', { name: value });
  }

  async search(text: string): Promise<void> {
    await this.box.fill(text);
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '(\\+|%20)')}`));
  }

  /** The visible result titles (type badge and title), in order. */
  async titles(): Promise<string[]> {
    return (await this.resultLinks.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}
