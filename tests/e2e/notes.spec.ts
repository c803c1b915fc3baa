import { SEED } from './support/seed-refs';
import { expect, test } from './support/fixtures';
import { choose } from './support/combobox';
import { NotesPage } from './support/notes-page';

test.describe('Notes', () => {
  test('a note typed and never explicitly saved is there after a relaunch', async ({ page, profile }) => {
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote();
    const text = '# Kept without saving\n\nTyped, then the app was closed.';
    await notes.type(text);
    await expect(notes.preview.getByRole('heading', { name: 'Kept without saving' })).toBeVisible();

    const again = await profile.relaunch('/notes');
    const list = new NotesPage(again);
    await list.table.getByRole('link', { name: 'Kept without saving' }).click();
    await expect(list.editor).toHaveValue(text);
  });

  test('leaving the editor right after typing keeps the last keystrokes', async ({ page }) => {
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote();
    await notes.editor.fill('Quick exit');
    // Navigate away at once (no wait for the debounce): the unmount flush writes it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
    await expect(notes.table.getByRole('link', { name: 'Quick exit' })).toBeVisible();
  });

  test('a failed save (disk full) is shown in words, keeps the text, and is retried on the next keystroke', async ({ page, profile }) => {
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote();
    await notes.type('# Disk test\n\nFirst line.');
    // Make every IndexedDB write fail as on a full disk.
    await page.evaluate(() => {
      const w = window as unknown as { __restore?: () => void };
      const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!;
      const update = Object.getOwnPropertyDescriptor(IDBCursor.prototype, 'update')!;
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Object.defineProperty(IDBObjectStore.prototype, 'put', { ...put, value: full });
      Object.defineProperty(IDBCursor.prototype, 'update', { ...update, value: full });
      w.__restore = () => {
        Object.defineProperty(IDBObjectStore.prototype, 'put', put);
        Object.defineProperty(IDBCursor.prototype, 'update', update);
      };
    });
    await notes.editor.press('End');
    await notes.editor.pressSequentially(' Typed while the disk was full.');
    await expect(notes.saveState).toContainText('The disk is full');
    await expect(notes.editor).toHaveValue('# Disk test\n\nFirst line. Typed while the disk was full.');

    await page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
    await notes.editor.pressSequentially('!');
    await expect(notes.saveState).toHaveText('All changes saved');

    const again = await profile.relaunch('/notes');
    const list = new NotesPage(again);
    await list.table.getByRole('link', { name: 'Disk test' }).click();
    await expect(list.editor).toHaveValue('# Disk test\n\nFirst line. Typed while the disk was full.!');
  });

  test('XSS payloads in a note render inert in the preview', async ({ page }) => {
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote();
    const payload = [
      '# Payloads',
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=1</script>',
      '[click me](javascript:window.__xss=1)',
      '<svg onload="window.__xss=1"><circle r="4"/></svg>',
      '<a href="https://example.org" target="_blank" onclick="window.__xss=1">external</a>',
      '<iframe src="javascript:window.__xss=1"></iframe>',
    ].join('\n\n');
    await notes.editor.fill(payload);
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    const preview = notes.preview;
    await expect(preview.getByRole('heading', { name: 'Payloads' })).toBeVisible();
    await expect(preview.locator('img, script, svg, iframe')).toHaveCount(0);
    await expect(preview.locator('[onerror], [onload], [onclick], [target]')).toHaveCount(0);
    const link = preview.getByText('click me');
    await expect(link).toBeVisible();
    expect(await link.evaluate((el) => el.closest('a')?.getAttribute('href') ?? null)).toBeNull();
    const external = preview.getByRole('link', { name: 'external' });
    await expect(external).toHaveAttribute('rel', 'noopener noreferrer');

    await link.click();
    // A web link opens in the browser (here: another tab, with no access to the app's), never in the app's window.
    // (The machine is offline: the test answers for example.org.)
    await page.context().route('https://example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: 'outside' }));
    const popup = page.context().waitForEvent('page');
    await external.click();
    const tab = await popup;
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^https:\/\/example\.org\/?$/);
    expect(await tab.evaluate(() => window.opener === null)).toBe(true);
    // Still in the app, on the same note.
    await expect(notes.editor).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  test('a note attached to the Tehran visit is listed as attached to it', async ({ page }) => {
    const notes = new NotesPage(page);
    await notes.open();
    await notes.newNote();
    await notes.type('Tehran readout');
    await choose(notes.attachedTo, 'Mustafa al-Kadhemi → Iran (Tehran)', 'tehran');
    await expect(page.getByText('Note attached')).toBeVisible();
    await notes.open();
    const row = notes.table.getByRole('row').filter({ hasText: 'Tehran readout' });
    await expect(row.getByRole('link', { name: /Mustafa al-Kadhemi → Iran \(Tehran\)/ })).toHaveAttribute(
      'href',
      `#/visits/${SEED.tehranVisit}`,
    );

    // Free-standing again, then deleted and brought back with Undo.
    await row.getByRole('link', { name: 'Tehran readout' }).click();
    await choose(notes.attachedTo, 'Nothing (free-standing)', 'nothing');
    await expect(page.getByText('Note is now free-standing')).toBeVisible();
    await page.getByRole('button', { name: 'Delete note' }).click();
    await expect(notes.table.getByRole('link', { name: 'Tehran readout' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    const back = notes.table.getByRole('row').filter({ hasText: 'Tehran readout' });
    await expect(back).toContainText('Free-standing');
  });
});
