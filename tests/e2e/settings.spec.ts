import { SEED } from './support/seed-refs';
import { expect, test } from './support/fixtures';
import { PeoplePage } from './support/people-page';
import { SettingsPage, tablesOf } from './support/settings-page';

interface BackupFile {
  format: string;
  formatVersion: number;
  tables: { visits: { id: string; start: unknown; end: unknown }[]; people: { id: string; name: string }[] };
}

test.describe('Settings: backup and restore', () => {
  test('export downloads a valid backup with the three visits', async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.open();
    const { name, text } = await settings.exportBackup();
    expect(name).toMatch(/^legation-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(text) as BackupFile;
    expect(backup.format).toBe('legation-backup');
    expect(backup.formatVersion).toBe(1);
    expect(backup.tables.visits).toHaveLength(3);
    await expect(page.getByText(/Backup saved as legation-backup-.*3 visits, 5 people/)).toBeVisible();
  });

  test('bad backups are refused with their problems and change nothing', async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.open();
    const before = await settings.exportBackup();
    const good = JSON.parse(before.text) as BackupFile;

    await settings.chooseBackup('truncated.json', before.text.slice(0, 200));
    await expect(settings.problems).toContainText('The file is not valid JSON');
    await expect(settings.problems).toContainText('truncated.json');

    const backwards = structuredClone(good);
    const tehran = backwards.tables.visits.find((v) => v.id === SEED.tehranVisit)!;
    tehran.end = { precision: 'day', from: '2020-07-01', to: '2020-07-01' };
    await settings.chooseBackup('backwards.json', JSON.stringify(backwards));
    await expect(settings.problems).toContainText('The visit ends before it starts');
    await expect(settings.problems).toContainText(SEED.tehranVisit);

    await settings.chooseBackup('future.json', JSON.stringify({ ...good, formatVersion: 99 }));
    await expect(settings.problems).toContainText('newer Legation (format version 99');
    await expect(settings.confirmDialog).toBeHidden();

    const after = await settings.exportBackup();
    expect(JSON.stringify(tablesOf(after.text))).toBe(JSON.stringify(tablesOf(before.text)));
  });

  test('a good backup restores the data as it was', async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.open();
    const saved = await settings.exportBackup();

    // Change something: a new person.
    const people = new PeoplePage(page);
    await people.open();
    await page.getByRole('button', { name: 'New person' }).click();
    await people.field('Name').fill('Fuad Hussein');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fuad Hussein' })).toBeVisible();

    await settings.open();
    await settings.chooseBackup('saved.json', saved.text);
    await expect(settings.confirmDialog).toBeVisible();
    await expect(
      settings.confirmDialog.getByRole('table', { name: 'Backup contents' }).getByRole('row', { name: 'Visits 3' }),
    ).toBeVisible();
    await settings.confirmDialog.getByRole('button', { name: 'Replace all data' }).click();
    await expect(page.getByText(/Restored saved\.json: 3 visits/)).toBeVisible();
    await expect(settings.confirmDialog).toBeHidden();

    await people.open();
    await expect(people.row('Fuad Hussein')).toHaveCount(0);
    await expect(people.row('Mustafa al-Kadhemi')).toBeVisible();
    const again = await settings.exportBackupAfterOpen();
    expect(tablesOf(again.text)).toEqual(tablesOf(saved.text));
  });

  test('the menu command ?action=export exports once on arrival', async ({ page }) => {
    const download = page.waitForEvent('download');
    await page.goto('./#/settings?action=export');
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^legation-backup-/);
    await expect(page).toHaveURL(/#\/settings$/);
  });
});
