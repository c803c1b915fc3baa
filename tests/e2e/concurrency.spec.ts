import type { Page } from '@playwright/test';
import { SEED } from './support/seed-refs';
import { expect, test, type Profile } from './support/fixtures';
import { NotesPage } from './support/notes-page';
import { VisitDetail, VisitForm } from './support/visits-page';

/**
 * Two windows on one profile (two pages of one persistent Chromium context: one IndexedDB, as two
 * Electron windows share one). A save that started from an older version of a record never
 * overwrites the newer one without a word: it merges, or shows the user what changed and lets them
 * choose. Each test ends by reading the stored record.
 */

/** A new note with `text`, typed in window A (`page`) and opened in a second window B on the same profile. */
async function noteInTwoWindows(
  page: Page,
  profile: Profile,
  text: string,
): Promise<{ a: NotesPage; b: NotesPage; bPage: Page; id: string }> {
  const a = new NotesPage(page);
  await a.open();
  await a.newNote();
  await a.type(text);
  const url = page.url();
  const id = new URL(url).hash.split('/').pop()!;
  const bPage = await (await profile.launch()).newPage();
  await bPage.goto(url);
  const b = new NotesPage(bPage);
  await expect(b.editor).toHaveValue(text);
  return { a, b, bPage, id };
}

/** The stored record, read straight from IndexedDB (not through the app's screens). */
async function stored<T>(page: Page, table: string, id: string): Promise<T> {
  return page.evaluate(
    async ([t, key]) =>
      new Promise<T>((done, fail) => {
        const req = indexedDB.open('legation');
        req.onsuccess = () => {
          const get = req.result.transaction(t, 'readonly').objectStore(t).get(key);
          get.onsuccess = () => {
            req.result.close();
            done(get.result as T);
          };
          get.onerror = () => fail(new Error('read failed'));
        };
        req.onerror = () => fail(new Error('open failed'));
      }),
    [table, id] as const,
  );
}

interface StoredVisit {
  purpose: string;
  tags: string[];
  place: { city: string | null };
  updatedAt: string;
}

test.describe('Two windows editing one record', () => {
  test.describe.configure({ timeout: 120_000 });

  test('visit: B saves the purpose while A has the form open; A saves the tags: both kept, and A is told', async ({ page, profile }) => {
    const b = await (await profile.launch()).newPage();
    await page.goto(`./#/visits/${SEED.tehranVisit}/edit`);
    const formA = new VisitForm(page);
    await expect(formA.form.getByLabel('Purpose')).toHaveValue(/First trip abroad/);

    await formA.fill({ tags: 'first-trip-abroad, iran' });

    await b.goto(`./#/visits/${SEED.tehranVisit}/edit`);
    const formB = new VisitForm(b);
    await formB.fill({ purpose: 'Talks on the dollar auction, written in window B' });
    await formB.save.click();
    await expect(b.getByText('Visit saved', { exact: true })).toBeVisible();

    // A, with unsaved typing at the version before B's save, is told its visit moved on; its
    // typing stays as it is, and it goes on typing.
    await expect(page.getByRole('status').filter({ hasText: 'changed in another window' })).toBeVisible();
    await expect(formA.form.getByLabel('Purpose')).toHaveValue(/First trip abroad/);
    await formA.fill({ tags: 'first-trip-abroad, iran, from-window-a' });
    await formA.save.click();
    await expect(page.getByText(/Visit saved, merged with another window’s changes to purpose/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Tehran');

    const v = await stored<StoredVisit>(page, 'visits', SEED.tehranVisit);
    expect(v.purpose).toBe('Talks on the dollar auction, written in window B');
    expect(v.tags).toEqual(['first-trip-abroad', 'iran', 'from-window-a']);
    // B's form, opened again and untouched, follows A's save as it happens.
    await b.goto(`./#/visits/${SEED.tehranVisit}/edit`);
    await expect(formB.form.getByLabel('Tags')).toHaveValue('first-trip-abroad, iran, from-window-a');

    // Undo takes back A's merged save: B's purpose stays, A's tags go.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Undone: Edit visit')).toBeVisible();
    const undone = await stored<StoredVisit>(page, 'visits', SEED.tehranVisit);
    expect([undone.purpose, undone.tags]).toEqual(['Talks on the dollar auction, written in window B', ['first-trip-abroad']]);
    await expect(formB.form.getByLabel('Tags')).toHaveValue('first-trip-abroad');
    await expect(b.getByRole('status').filter({ hasText: 'The form shows the changes saved in another window' })).toBeVisible();
  });

  test('visit: both windows change the purpose: A sees each field, chooses, and nothing else is lost', async ({ page, profile }) => {
    const b = await (await profile.launch()).newPage();
    await page.goto(`./#/visits/${SEED.tehranVisit}/edit`);
    const formA = new VisitForm(page);
    await expect(formA.form.getByLabel('Purpose')).toHaveValue(/First trip abroad/);
    await formA.fill({ purpose: 'Purpose from window A' });

    await b.goto(`./#/visits/${SEED.tehranVisit}/edit`);
    const formB = new VisitForm(b);
    await formB.fill({ purpose: 'Purpose from window B', city: 'Mashhad' });
    await formB.save.click();
    await expect(b.getByText('Visit saved', { exact: true })).toBeVisible();

    await expect(page.getByRole('status').filter({ hasText: 'changed in another window' })).toBeVisible();
    await formA.fill({ tags: 'from-window-a' });
    await formA.save.click();
    const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This visit was changed in another window' }) });
    await expect(panel).toBeVisible();
    const rows = panel.getByRole('table').getByRole('row');
    await expect(rows.filter({ hasText: 'Purpose' })).toContainText('Purpose from window A');
    await expect(rows.filter({ hasText: 'Purpose' })).toContainText('Purpose from window B');
    await expect(rows.filter({ hasText: 'City' })).toContainText('changed there only');
    await expect(rows.filter({ hasText: 'Tags' })).toContainText('changed here only');
    // What A typed is still in the form, and nothing was written.
    await expect(formA.form.getByLabel('Purpose')).toHaveValue('Purpose from window A');
    expect((await stored<StoredVisit>(page, 'visits', SEED.tehranVisit)).purpose).toBe('Purpose from window B');

    await panel.getByRole('radiogroup', { name: 'Keep which purpose' }).getByRole('radio', { name: 'Other window’s' }).check();
    await panel.getByRole('button', { name: 'Save merged visit' }).click();
    await expect(page.getByText('Visit saved', { exact: true })).toBeVisible();

    const v = await stored<StoredVisit>(page, 'visits', SEED.tehranVisit);
    expect(v.purpose).toBe('Purpose from window B');
    expect(v.place.city).toBe('Mashhad');
    expect(v.tags).toEqual(['from-window-a']);
  });

  test('status: a visit changed elsewhere while the dialog is open is shown first; saved again, both are kept', async ({
    page,
    profile,
  }) => {
    const b = await (await profile.launch()).newPage();
    await page.goto(`./#/visits/${SEED.saudiVisit}`);
    const detail = new VisitDetail(page);
    const dialog = await detail.changeStatus({ to: /cancel/i, on: '2020-08-20', reason: 'Called off (window A)' });

    await b.goto(`./#/visits/${SEED.saudiVisit}/edit`);
    const formB = new VisitForm(b);
    await formB.fill({ purpose: 'Purpose from window B' });
    await formB.save.click();
    await expect(b.getByText('Visit saved', { exact: true })).toBeVisible();

    await dialog.submit.click();
    await expect(dialog.root.getByRole('alert')).toContainText('changed in another window while this dialog was open');
    expect((await stored<{ status: string }>(page, 'visits', SEED.saudiVisit)).status).toBe('postponed');
    await dialog.submit.click();
    await expect(dialog.root).toBeHidden();
    const v = await stored<{ status: string; purpose: string }>(page, 'visits', SEED.saudiVisit);
    expect([v.status, v.purpose]).toEqual(['cancelled', 'Purpose from window B']);
  });

  test('person: A renames while B edits "About" and saves: both kept; both rename: A chooses', async ({ page, profile }) => {
    const b = await (await profile.launch()).newPage();
    await page.goto(`./#/people/${SEED.kadhemi}/edit`);
    await page.getByLabel('Name', { exact: true }).fill('Mustafa al-Kadhimi');
    await b.goto(`./#/people/${SEED.kadhemi}/edit`);
    await b.getByLabel('About').fill('Prime Minister of Iraq from May 2020 (window B)');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(b).toHaveURL(new RegExp(`#/people/${SEED.kadhemi}$`));

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/Saved Mustafa al-Kadhimi, merged with another window’s changes to .*about/)).toBeVisible();
    const p = await stored<{ name: string; note: string }>(page, 'people', SEED.kadhemi);
    expect([p.name, p.note]).toEqual(['Mustafa al-Kadhimi', 'Prime Minister of Iraq from May 2020 (window B)']);

    // Both rename: the panel asks, nothing is written until A chooses.
    await page.goto(`./#/people/${SEED.kadhemi}/edit`);
    await page.getByLabel('Name', { exact: true }).fill('Name from window A');
    await b.goto(`./#/people/${SEED.kadhemi}/edit`);
    await b.getByLabel('Name', { exact: true }).fill('Name from window B');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(b).toHaveURL(new RegExp(`#/people/${SEED.kadhemi}$`));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This person was changed in another window' }) });
    await expect(panel.getByRole('row').filter({ hasText: 'Name from window B' })).toContainText('Name from window A');
    expect((await stored<{ name: string }>(page, 'people', SEED.kadhemi)).name).toBe('Name from window B');
    await panel.getByRole('button', { name: 'Save merged person' }).click();
    await expect(page).toHaveURL(new RegExp(`#/people/${SEED.kadhemi}$`));
    expect((await stored<{ name: string }>(page, 'people', SEED.kadhemi)).name).toBe('Name from window A');
  });

  test('source details: both windows set the publisher: the second is shown both and keeps what it chooses', async ({ page, profile }) => {
    const b = await (await profile.launch()).newPage();
    await page.goto(`./#/sources/${SEED.article}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Publisher', { exact: true }).fill('AFP');
    await page.getByLabel('URL', { exact: true }).fill('https://example.org/a');

    await b.goto(`./#/sources/${SEED.article}`);
    await b.getByRole('button', { name: 'Edit details' }).click();
    await b.getByLabel('Publisher', { exact: true }).fill('Reuters');
    await b.getByRole('button', { name: 'Save details' }).click();
    await expect(b.getByText('Source details saved')).toBeVisible();

    await page.getByRole('button', { name: 'Save details' }).click();
    const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This source was changed in another window' }) });
    await expect(panel.getByRole('row').filter({ hasText: 'Publisher' })).toContainText('Reuters');
    await expect(panel.getByRole('row').filter({ hasText: 'URL' })).toContainText('changed here only');
    expect((await stored<{ publisher: string | null }>(page, 'sources', SEED.article)).publisher).toBe('Reuters');
    await panel.getByRole('radiogroup', { name: 'Keep which publisher' }).getByRole('radio', { name: 'Other window’s' }).check();
    await panel.getByRole('button', { name: 'Save merged source' }).click();
    await expect(page.getByText('Source details saved')).toBeVisible();
    const s = await stored<{ publisher: string | null; url: string | null }>(page, 'sources', SEED.article);
    expect([s.publisher, s.url]).toEqual(['Reuters', 'https://example.org/a']);
  });

  test('note: the same note typed in two windows keeps both texts; neither window is left showing a lost text', async ({
    page,
    profile,
  }) => {
    const { a, b, id } = await noteInTwoWindows(page, profile, '# Shared note\n\nFirst line.');

    // Both type at the end, each before seeing the other's text: A's save is pending while B saves.
    await a.editor.click();
    await a.editor.press('Control+End');
    await b.editor.click();
    await b.editor.press('Control+End');
    await a.editor.pressSequentially('\nTyped in window A.');
    await b.editor.pressSequentially('\nTyped in window B.');

    for (const p of [a, b]) await expect(p.saveState).toHaveText('All changes saved');
    const both = /Typed in window A\.[\s\S]*Typed in window B\.|Typed in window B\.[\s\S]*Typed in window A\./;
    await expect(a.editor).toHaveValue(both);
    await expect(b.editor).toHaveValue(both);
    const text = await a.editor.inputValue();
    await expect(b.editor).toHaveValue(text);
    expect((await stored<{ body: string }>(page, 'notes', id)).body).toBe(text);
    expect(text.startsWith('# Shared note\n\nFirst line.\n')).toBe(true);
  });

  test('note: both windows rewrite the same words: both versions are kept and the user is shown the conflict', async ({
    page,
    profile,
  }) => {
    const { a, b, bPage, id } = await noteInTwoWindows(page, profile, '# Plan\n\nMeet on Monday.');

    // B rewrites the day while A's editor holds unsaved typing that rewrites it too.
    await a.editor.fill('# Plan\n\nMeet on Tuesday.');
    await b.editor.fill('# Plan\n\nMeet on Friday.');
    await a.editor.blur();
    await b.editor.blur();

    for (const p of [a, b]) await expect(p.saveState).toHaveText('All changes saved');
    const body = (await stored<{ body: string }>(page, 'notes', id)).body;
    expect(body).toContain('Tuesday');
    expect(body).toContain('Friday');
    await expect(a.editor).toHaveValue(body);
    await expect(b.editor).toHaveValue(body);
    // Both windows say so while the markers are in the text; editing them away clears it.
    await expect(page.getByRole('alert').filter({ hasText: 'changed in two windows' })).toBeVisible();
    await expect(bPage.getByRole('alert').filter({ hasText: 'changed in two windows' })).toBeVisible();
    await a.editor.fill('# Plan\n\nMeet on Friday.');
    await expect(a.saveState).toHaveText('All changes saved');
    await expect(page.getByRole('alert').filter({ hasText: 'changed in two windows' })).toHaveCount(0);
    await expect(b.editor).toHaveValue('# Plan\n\nMeet on Friday.');
  });
});
