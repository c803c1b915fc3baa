import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * Context events are edited where the timeline lists them: added, refused with a message when
 * wrong, edited, deleted and undone; one open in two windows is never overwritten without a word.
 */

const SHOTS = process.env.LEGATION_SHOTS ?? '';
const KADHEMI_PM = 'Mustafa al-Kadhemi becomes Prime Minister of Iraq';

interface StoredEvent {
  id: string;
  title: string;
  description: string;
  date: { from: string; to: string; precision: string };
  place: { country: string; city: string | null } | null;
  personIds: string[];
  deletedAt: string | null;
}

/** Every event stored, read straight from IndexedDB (not through the app's screens). */
async function storedEvents(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEvent[]>((done, fail) => {
        const req = indexedDB.open('legation');
        req.onsuccess = () => {
          const all = req.result.transaction('events', 'readonly').objectStore('events').getAll();
          all.onsuccess = () => {
            req.result.close();
            done(all.result as StoredEvent[]);
          };
          all.onerror = () => fail(new Error('read failed'));
        };
        req.onerror = () => fail(new Error('open failed'));
      }),
  );
}

async function storedEvent(page: Page, title: string | RegExp): Promise<StoredEvent | undefined> {
  return (await storedEvents(page)).find((e) => (typeof title === 'string' ? e.title === title : title.test(e.title)));
}

function section(page: Page): Locator {
  return page.getByRole('region', { name: 'Context events in this window' });
}

async function openTimeline(page: Page): Promise<void> {
  await page.goto('./#/timeline');
  // The timeline reads its opening window first: under load that takes a while.
  await expect(section(page).getByRole('listitem').filter({ hasText: KADHEMI_PM })).toBeVisible({ timeout: 30_000 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test.describe('Context events on the timeline', () => {
  test.describe.configure({ timeout: 120_000 });

  test('added (a wrong date refused, nothing lost), edited, deleted and undone, by keyboard', async ({ page }) => {
    await openTimeline(page);
    const before = (await storedEvents(page)).length;
    await section(page).getByRole('button', { name: 'Add context event' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add context event' });
    await expect(dialog.getByLabel('Title')).toBeFocused();
    await page.keyboard.type('Arar border crossing reopens');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2020-13');
    await page.keyboard.press('Control+Enter');
    await expect(dialog.getByRole('alert')).toContainText('The event was not saved');
    await expect(dialog.getByLabel('Date')).toBeFocused();
    await expect(dialog.getByLabel('Title')).toHaveValue('Arar border crossing reopens');
    expect(await storedEvents(page)).toHaveLength(before);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2020-08-01..2020-08-03');
    await expect(dialog.getByText('Read as: 1 August 2020 – 3 August 2020 (some time in this window)')).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Saudi');
    await expect(page.getByRole('option', { name: /Saudi Arabia/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Arar');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Reopened for the first time since 1990.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kadhemi');
    await expect(page.getByRole('option', { name: /Mustafa al-Kadhemi/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Khamenei tells');
    await expect(page.getByRole('option', { name: /Khamenei tells visiting/ })).toBeVisible();
    await page.keyboard.press('Enter');
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/event-add-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/event-add-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Event added', { exact: true })).toBeVisible();
    const item = section(page).getByRole('listitem').filter({ hasText: 'Arar border crossing reopens' });
    await expect(item).toContainText('Saudi Arabia, Arar');
    expect(await storedEvent(page, 'Arar border crossing reopens')).toMatchObject({
      date: { from: '2020-08-01', to: '2020-08-03', precision: 'window' },
      place: { country: 'SA', city: 'Arar' },
      description: 'Reopened for the first time since 1990.',
    });

    // Edited: the title, by keyboard.
    await item.getByRole('button', { name: 'Edit event: Arar border crossing reopens' }).focus();
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: 'Edit context event' });
    await expect(edit.getByLabel('Title')).toHaveValue('Arar border crossing reopens');
    await edit.getByLabel('Title').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' to trade');
    await page.keyboard.press('Control+Enter');
    await expect(edit).toBeHidden();
    const renamed = section(page).getByRole('listitem').filter({ hasText: 'Arar border crossing reopens to trade' });
    await expect(renamed).toBeVisible();

    // Deleted, and Ctrl+Z brings it back.
    await renamed.getByRole('button', { name: /^Delete event/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Event deleted: Arar border crossing reopens to trade')).toBeVisible();
    await expect(renamed).toBeHidden();
    expect((await storedEvent(page, 'Arar border crossing reopens to trade'))?.deletedAt).not.toBeNull();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+z');
    await expect(page.getByText('Undone: Delete event')).toBeVisible();
    await expect(renamed).toBeVisible();
    expect((await storedEvent(page, 'Arar border crossing reopens to trade'))?.deletedAt).toBeNull();

    if (SHOTS) {
      await page.setViewportSize({ width: 900, height: 800 });
      await section(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/events-section-900.png` });
      await renamed.getByRole('button', { name: /^Edit event/ }).click();
      await page.screenshot({ path: `${SHOTS}/event-edit-900.png` });
    }
  });

  test('two windows: B saves the description while A has the dialog open; A saves the title: both kept', async ({ page, profile }) => {
    await openTimeline(page);
    const item = section(page).getByRole('listitem').filter({ hasText: KADHEMI_PM });
    await item.getByRole('button', { name: /^Edit event/ }).click();
    const a = page.getByRole('dialog', { name: 'Edit context event' });
    await a.getByLabel('Title').fill('Kadhemi sworn in as Prime Minister of Iraq');

    const b = await (await profile.launch()).newPage();
    await openTimeline(b);
    await section(b)
      .getByRole('listitem')
      .filter({ hasText: KADHEMI_PM })
      .getByRole('button', { name: /^Edit event/ })
      .click();
    const bDialog = b.getByRole('dialog', { name: 'Edit context event' });
    await bDialog.getByLabel('Description').fill('Approved by parliament after five months without a government.');
    await bDialog.getByRole('button', { name: 'Save event' }).click();
    await expect(b.getByText('Event saved', { exact: true })).toBeVisible();

    await expect(a.getByRole('status').filter({ hasText: 'changed in another window' })).toBeVisible();
    await a.getByRole('button', { name: 'Save event' }).click();
    await expect(page.getByText('Event saved, merged with another window’s changes to description')).toBeVisible();
    const stored = await storedEvent(page, /^Kadhemi sworn in/);
    expect(stored?.description).toBe('Approved by parliament after five months without a government.');
    await expect(section(b).getByRole('listitem').filter({ hasText: 'Kadhemi sworn in as Prime Minister of Iraq' })).toBeVisible();

    // Both change the title now: A is shown the field and keeps its own.
    await section(page)
      .getByRole('button', { name: /^Edit event: Kadhemi sworn in/ })
      .click();
    await a.getByLabel('Title').fill('Title from window A');
    await section(b)
      .getByRole('button', { name: /^Edit event: Kadhemi sworn in/ })
      .click();
    await bDialog.getByLabel('Title').fill('Title from window B');
    await bDialog.getByRole('button', { name: 'Save event' }).click();
    await expect(bDialog).toBeHidden();
    await a.getByRole('button', { name: 'Save event' }).click();
    const panel = a.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This event was changed in another window' }) });
    await expect(panel.getByRole('row', { name: /Title/ })).toContainText('Title from window B');
    expect((await storedEvent(page, 'Title from window B'))?.deletedAt).toBeNull();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/event-conflict-light.png` });
    await panel.getByRole('button', { name: 'Save merged event' }).click();
    await expect(a).toBeHidden();
    expect(await storedEvent(page, 'Title from window A')).toMatchObject({
      description: 'Approved by parliament after five months without a government.',
    });
    expect(await storedEvent(page, 'Title from window B')).toBeUndefined();
  });
});
