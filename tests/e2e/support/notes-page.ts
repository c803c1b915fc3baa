import type { Locator, Page } from '@playwright/test';

/** The Notes list and the note editor. */
export class NotesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Notes' });
  }

  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'Note (Markdown)' });
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  get saveState(): Locator {
    return this.page.locator('p.save-state[role="status"]');
  }

  get attachedTo(): Locator {
    return this.page.getByRole('combobox', { name: 'Attached to' });
  }

  async newNote(): Promise<void> {
    await this.page.getByRole('button', { name: 'New note' }).click();
    await this.editor.waitFor();
  }

  /** Types as a user would (key by key) and waits until the editor says everything is saved. */
  async type(text: string): Promise<void> {
    await this.editor.click();
    await this.editor.pressSequentially(text);
    await this.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  }
}
