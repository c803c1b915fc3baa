import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Profile } from './support/fixtures';
import { SEED } from './support/seed-refs';

/**
 * Who met whom: a visit's meetings are added, edited and deleted on its page, by keyboard, with
 * undo; a meeting open in two windows is never overwritten without a word.
 */

const SHOTS = process.env.LEGATION_SHOTS ?? '';

interface StoredMeeting {
  visitId: string;
  participantIds: string[];
  summary: string;
  date: { from: string; to: string } | null;
  place: { country: string; city: string | null } | null;
  quotes: unknown[];
  deletedAt: string | null;
  updatedAt: string;
}

/** Every meeting stored, read straight from IndexedDB (not through the app's screens). */
async function storedMeetings(page: Page): Promise<StoredMeeting[]> {
  return page.evaluate(
    () =>
      new Promise<StoredMeeting[]>((done, fail) => {
        const req = indexedDB.open('legation');
        req.onsuccess = () => {
          const all = req.result.transaction('meetings', 'readonly').objectStore('meetings').getAll();
          all.onsuccess = () => {
            req.result.close();
            done(all.result as StoredMeeting[]);
          };
          all.onerror = () => fail(new Error('read failed'));
        };
        req.onerror = () => fail(new Error('open failed'));
      }),
  );
}

async function tehranMeeting(page: Page): Promise<StoredMeeting> {
  const found = (await storedMeetings(page)).find((m) => m.visitId === SEED.tehranVisit);
  if (!found) throw new Error('the seeded Tehran meeting is missing');
  return found;
}

function meetingDialog(page: Page, name: 'Add meeting' | 'Edit meeting'): Locator {
  return page.getByRole('dialog', { name });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test.describe('Meetings on a visit', () => {
  test.describe.configure({ timeout: 120_000 });

  test('added, refused when alone, edited, deleted and undone, all by keyboard', async ({ page }) => {
    await page.goto(`./#/visits/${SEED.saudiVisit}`);
    const meetings = page.getByRole('region', { name: 'Meetings' });
    await expect(meetings.getByText('No meetings recorded for this visit.')).toBeVisible();

    await meetings.getByRole('button', { name: 'Add meeting' }).focus();
    await page.keyboard.press('Enter');
    const dialog = meetingDialog(page, 'Add meeting');
    await expect(dialog).toBeVisible();
    // The traveller is there to start with; the first field is the remove button of his chip.
    await expect(dialog.getByRole('button', { name: 'Remove Mustafa al-Kadhemi' })).toBeVisible();
    const who = dialog.getByRole('combobox', { name: 'Who met' });
    await who.focus();
    // Saved with one person: refused, said next to the field, nothing typed lost.
    await page.keyboard.press('Tab');
    await page.keyboard.type('2020-08');
    await page.keyboard.press('Control+Enter');
    await expect(dialog.getByRole('alert')).toContainText('The meeting was not saved');
    await expect(dialog.getByText('A meeting has at least two people: add who met whom')).toBeVisible();
    await expect(who).toBeFocused();
    await expect(dialog.getByLabel('Date')).toHaveValue('2020-08');
    expect((await storedMeetings(page)).filter((m) => m.visitId === SEED.saudiVisit)).toHaveLength(0);

    await page.keyboard.type('Salman');
    await expect(page.getByRole('option', { name: /Salman bin Abdulaziz/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Remove Salman bin Abdulaziz Al Saud' })).toBeVisible();
    // A date that does not exist: refused, the text kept.
    await dialog.getByLabel('Date').fill('2020-02-30');
    await page.keyboard.press('Control+Enter');
    await expect(dialog.getByLabel('Date')).toBeFocused();
    await expect(dialog.getByLabel('Date')).toHaveValue('2020-02-30');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2020-08-20');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Saudi');
    await expect(page.getByRole('option', { name: /Saudi Arabia/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Riyadh');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Oil prices and the Arar border crossing');
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/meeting-add-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/meeting-add-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Meeting added', { exact: true })).toBeVisible();
    const card = meetings.getByRole('article', { name: 'Meeting: Mustafa al-Kadhemi and Salman bin Abdulaziz Al Saud' });
    await expect(card).toContainText('20 August 2020');
    await expect(card).toContainText('Riyadh');
    await expect(card).toContainText('Oil prices and the Arar border crossing');

    // Edit: the summary, by keyboard; Escape with typed changes asks before closing.
    await card.getByRole('button', { name: /^Edit meeting/ }).focus();
    await page.keyboard.press('Enter');
    const edit = meetingDialog(page, 'Edit meeting');
    await expect(edit.getByLabel('Summary')).toHaveValue('Oil prices and the Arar border crossing');
    await edit.getByLabel('Summary').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(', and the Hajj');
    await page.keyboard.press('Escape');
    await expect(edit.getByRole('group', { name: 'Discard your changes?' })).toBeVisible();
    await expect(edit.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(edit.getByLabel('Summary')).toHaveValue('Oil prices and the Arar border crossing, and the Hajj');
    await edit.getByLabel('Summary').focus();
    await page.keyboard.press('Control+Enter');
    await expect(edit).toBeHidden();
    await expect(card).toContainText('Oil prices and the Arar border crossing, and the Hajj');

    // Delete, then Ctrl+Z brings it back as it was.
    await card.getByRole('button', { name: /^Delete meeting/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Meeting deleted/)).toBeVisible();
    await expect(card).toBeHidden();
    const deleted = (await storedMeetings(page)).find((m) => m.visitId === SEED.saudiVisit);
    expect(deleted?.deletedAt).not.toBeNull();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+z');
    await expect(page.getByText('Undone: Delete meeting')).toBeVisible();
    await expect(card).toContainText('and the Hajj');
    const back = (await storedMeetings(page)).find((m) => m.visitId === SEED.saudiVisit);
    expect(back).toMatchObject({
      deletedAt: null,
      participantIds: [SEED.kadhemi, SEED.salman],
      summary: 'Oil prices and the Arar border crossing, and the Hajj',
      date: { from: '2020-08-20', to: '2020-08-20' },
      place: { country: 'SA', city: 'Riyadh' },
    });

    if (SHOTS) {
      await page.setViewportSize({ width: 900, height: 800 });
      await card.getByRole('button', { name: /^Edit meeting/ }).click();
      await page.screenshot({ path: `${SHOTS}/meeting-edit-900.png` });
      await page.keyboard.press('Escape');
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/meetings-section-900.png` });
    }
  });
});

test.describe('A meeting edited in two windows', () => {
  test.describe.configure({ timeout: 120_000 });

  /** Window B opens the seeded Tehran meeting, sets one field and saves; returns B's page. */
  async function saveInOtherWindow(profile: Profile, label: string, value: string): Promise<Page> {
    const b = await (await profile.launch()).newPage();
    await b.goto(`./#/visits/${SEED.tehranVisit}`);
    await b
      .getByRole('region', { name: 'Meetings' })
      .getByRole('button', { name: /^Edit meeting/ })
      .click();
    const dialog = meetingDialog(b, 'Edit meeting');
    await dialog.getByLabel(label).fill(value);
    await dialog.getByRole('button', { name: 'Save meeting' }).click();
    await expect(b.getByText('Meeting saved', { exact: true })).toBeVisible();
    return b;
  }

  test('B saves the date while A has the dialog open; A saves the summary: both kept, and A is told', async ({ page, profile }) => {
    const before = await (async () => {
      await page.goto(`./#/visits/${SEED.tehranVisit}`);
      await expect(page.getByRole('region', { name: 'Meetings' }).getByRole('article')).toHaveCount(1);
      return tehranMeeting(page);
    })();
    const card = page.getByRole('region', { name: 'Meetings' }).getByRole('article');
    await card.getByRole('button', { name: /^Edit meeting/ }).click();
    const a = meetingDialog(page, 'Edit meeting');
    await a.getByLabel('Summary').fill('Summary written in window A');

    const b = await saveInOtherWindow(profile, 'Date', '2020-07-22');

    // A is told while it types; its text stays.
    await expect(a.getByRole('status').filter({ hasText: 'changed in another window' })).toBeVisible();
    await expect(a.getByLabel('Summary')).toHaveValue('Summary written in window A');
    await expect(a.getByLabel('Date')).toHaveValue('2020-07-21');
    await a.getByRole('button', { name: 'Save meeting' }).click();
    await expect(page.getByText('Meeting saved, merged with another window’s changes to date')).toBeVisible();
    const after = await tehranMeeting(page);
    expect(after.summary).toBe('Summary written in window A');
    expect(after.date).toMatchObject({ from: '2020-07-22', to: '2020-07-22' });
    expect(after.quotes).toHaveLength(before.quotes.length);
    // B's page follows.
    await expect(b.getByRole('region', { name: 'Meetings' })).toContainText('Summary written in window A');
  });

  test('both windows change the summary: A sees the field, chooses the other window’s, and keeps its own place', async ({
    page,
    profile,
  }) => {
    await page.goto(`./#/visits/${SEED.tehranVisit}`);
    const card = page.getByRole('region', { name: 'Meetings' }).getByRole('article');
    await card.getByRole('button', { name: /^Edit meeting/ }).click();
    const a = meetingDialog(page, 'Edit meeting');
    await a.getByLabel('Summary').fill('Summary from window A');
    await a.getByLabel('City').fill('Qom');

    await saveInOtherWindow(profile, 'Summary', 'Summary from window B');

    await a.getByRole('button', { name: 'Save meeting' }).click();
    const panel = a.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This meeting was changed in another window' }) });
    await expect(panel).toBeVisible();
    const row = panel.getByRole('row', { name: /Summary/ });
    await expect(row).toContainText('Summary from window A');
    await expect(row).toContainText('Summary from window B');
    // Nothing written yet: the stored summary is B's, and A's typing is still in the form.
    expect((await tehranMeeting(page)).summary).toBe('Summary from window B');
    await expect(a.getByRole('textbox', { name: 'Summary' })).toHaveValue('Summary from window A');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/meeting-conflict-light.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole('radiogroup', { name: 'Keep which summary' }).getByLabel('Other window’s').check();
    await panel.getByRole('button', { name: 'Save merged meeting' }).click();
    await expect(a).toBeHidden();
    const after = await tehranMeeting(page);
    expect(after.summary).toBe('Summary from window B');
    expect(after.place?.city).toBe('Qom');
  });
});
