import { SEED } from './support/seed-refs';
import { expect, test } from './support/fixtures';
import { choose } from './support/combobox';
import { PeoplePage } from './support/people-page';

test.describe('People', () => {
  test('finds Mustafa al-Kadhemi by another spelling and lists his three visits', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.open();
    await expect(people.table.getByRole('row')).toHaveCount(6); // header + five seeded people
    await people.findBox.fill('Kadhimi');
    await expect(people.row('Mustafa al-Kadhemi')).toBeVisible();
    await expect(people.table.getByRole('row')).toHaveCount(2);
    await expect(people.row('Mustafa al-Kadhemi')).toContainText('Prime Minister of Iraq');
    await expect(people.row('Mustafa al-Kadhemi').getByRole('cell').last()).toHaveText('3');

    await people.openPerson('Mustafa al-Kadhemi');
    const visits = people.visitsAsTraveller();
    await expect(visits.getByRole('row')).toHaveCount(4);
    await expect(visits).toContainText('Iran');
    await expect(visits).toContainText('Saudi Arabia');
    await expect(visits).toContainText('United States');
    await expect(visits.getByRole('link').first()).toHaveAttribute('href', /#\/visits\//);
    await expect(visits.getByText('postponed')).toBeVisible();

    await visits.getByRole('link', { name: /Iran/ }).click();
    await expect(page).toHaveURL(new RegExp(`#/visits/${SEED.tehranVisit}$`));
  });

  test('an invalid role range is refused next to the field and the form keeps what was typed', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.open();
    await people.openPerson('Mustafa al-Kadhemi');
    await people.edit();
    await people.field('To (role 1)').fill('2019');
    await people.field('Aliases').fill('Kadhemi, Kadhimi\nal-Kadhimi');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByText('The role ends before it starts')).toBeVisible();
    await expect(people.field('To (role 1)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit Mustafa al-Kadhemi' })).toBeVisible();
    await expect(people.field('To (role 1)')).toHaveValue('2019');
    await expect(people.field('Aliases')).toHaveValue('Kadhemi, Kadhimi\nal-Kadhimi');

    // Fix it, add a role, save: the page shows the new roles.
    await people.field('To (role 1)').fill('2025-05');
    await page.getByRole('button', { name: 'Add role' }).click();
    await people.field('Title (role 3)').fill('Acting Minister of Foreign Affairs');
    await choose(people.field('Country (role 3)'), 'Iraq', 'iraq');
    await people.field('From (role 3)').fill('2020-05-07');
    await people.field('To (role 3)').fill('2020-06');
    await page.getByRole('button', { name: 'Remove role 2' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mustafa al-Kadhemi', exact: true })).toBeVisible();
    const roles = page.getByRole('table', { name: 'Roles' });
    await expect(roles.getByRole('row')).toHaveCount(3);
    await expect(roles).toContainText('2020-05 – 2025-05');
    await expect(roles).toContainText('Acting Minister of Foreign Affairs');
    await expect(roles).toContainText('2020-05-07 – 2020-06');
    await expect(roles).not.toContainText('National Intelligence Service');
    await expect(page.getByText('Kadhemi, Kadhimi, al-Kadhimi')).toBeVisible();
  });

  test('a name of invisible characters only is refused, and the name typed before is kept in the database', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.open();
    await people.openPerson('Mustafa al-Kadhemi');
    await people.edit();
    // A right-to-left override and a zero-width space: nothing that shows.
    await people.field('Name').fill('\u202e\u200b');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Name has no visible letter')).toBeVisible();
    await expect(people.field('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit Mustafa al-Kadhemi' })).toBeVisible();
    await people.open();
    await expect(people.table).toContainText('Mustafa al-Kadhemi');
  });

  test('deleting a traveller is refused with the reason; deleting a host can be undone', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.open();
    await people.openPerson('Mustafa al-Kadhemi');
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'traveller of 3 visit(s)' })).toBeVisible();

    await people.open();
    await people.openPerson('Qasem Soleimani');
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expect(people.row('Qasem Soleimani')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(people.row('Qasem Soleimani')).toBeVisible();
  });

  test('a note written from a person page is attached to that person', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.open();
    await people.openPerson('Salman bin Abdulaziz Al Saud');
    await page.getByRole('button', { name: 'New note' }).click();
    const editor = page.getByRole('textbox', { name: 'Note (Markdown)' });
    await editor.fill('Health watch\n\nHospitalised 20 July 2020.');
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Attached to' })).toHaveValue('Salman bin Abdulaziz Al Saud');
    await page.getByRole('link', { name: 'Notes', exact: true }).first().click();
    await people.open();
    await people.openPerson('Salman bin Abdulaziz Al Saud');
    await expect(page.getByRole('link', { name: 'Health watch' })).toBeVisible();
  });
});
