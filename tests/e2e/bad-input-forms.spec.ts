import { SEED } from './support/seed-refs';
import { expect, test } from './support/fixtures';
import { PeoplePage } from './support/people-page';
import { SettingsPage } from './support/settings-page';
import { VisitForm } from './support/visits-page';

/**
 * The bad-input corpus's form cases through the real screens (the same cases run against every
 * write path in tests/unit/bad-input/write-paths.test.ts): the form refuses with its message,
 * keeps what the user typed, and the data is what it was (a backup exported before and after is
 * identical but for its time).
 */

const withoutTime = (text: string) => text.replace(/"exportedAt":\s*"[^"]*"/, '"exportedAt":""');

test.describe('Forms refuse what breaks an integrity rule', () => {
  test('a name of only invisible characters is refused by the person form; what was typed stays', async ({ page }) => {
    test.setTimeout(90_000);
    const settings = new SettingsPage(page);
    const before = await settings.exportBackupAfterOpen();
    const people = new PeoplePage(page);
    await people.open();
    await page.getByRole('button', { name: 'New person' }).click();
    const invisible = '\u202E\u200B';
    await people.field('Name').fill(invisible);
    await people.field('Aliases').fill('Nobody');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByText('Name has no visible letter').first()).toBeVisible();
    await expect(people.field('Name')).toHaveValue(invisible);
    await expect(people.field('Aliases')).toHaveValue('Nobody');
    await expect(page.getByRole('heading', { level: 1, name: 'New person' })).toBeVisible();

    const after = await settings.exportBackupAfterOpen();
    expect(withoutTime(after.text)).toBe(withoutTime(before.text));
  });

  test('a traveller deleted in another window is refused when the visit is saved; the form keeps its values', async ({ page, profile }) => {
    test.setTimeout(120_000);
    const people = new PeoplePage(page);
    await people.open();
    await page.getByRole('button', { name: 'New person' }).click();
    await people.field('Name').fill('Jan Kowalski');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jan Kowalski' })).toBeVisible();
    const personUrl = page.url();
    const personId = new URL(personUrl).hash.split('/').pop()!;
    const settings = new SettingsPage(page);

    // Window A starts a visit for him.
    await page.goto(`${personUrl.split('#')[0]}#/visits/new?traveller=${personId}`);
    const form = new VisitForm(page);
    await form.fill({ country: 'France', purpose: 'Talks on the grain corridor', start: '2021-03-01' });

    // Window B deletes him.
    const other = await (await profile.launch()).newPage();
    await other.goto(personUrl);
    await other.getByRole('heading', { level: 1, name: 'Jan Kowalski' }).waitFor();
    await other.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    const before = await new SettingsPage(other).exportBackupAfterOpen();
    await other.close();

    // Window A saves: refused, with the reason, and nothing typed is lost.
    await form.save.click();
    await expect(form.summary).toContainText(/traveller/i);
    await expect(form.form.getByLabel('Purpose')).toHaveValue('Talks on the grain corridor');
    await expect(form.form.getByLabel('Start')).toHaveValue('2021-03-01');
    await expect(page.getByText('Visit saved')).toHaveCount(0);

    const after = await settings.exportBackupAfterOpen();
    expect(withoutTime(after.text)).toBe(withoutTime(before.text));
    expect(after.text).not.toContain('Talks on the grain corridor');
    expect(after.text).toContain(SEED.tehranVisit);
  });
});
