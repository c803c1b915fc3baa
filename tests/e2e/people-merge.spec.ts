import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ImportPage } from './support/import-page';
import { PeoplePage } from './support/people-page';

/** Adds a person through the New person form, as a user would, and comes back to the People list. */
async function addPerson(page: Page, people: PeoplePage, name: string): Promise<void> {
  await people.open();
  await page.getByRole('button', { name: 'New person' }).click();
  await people.field('Name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  await people.open();
}

/** Writes a note about the person whose page is open, and returns to it. */
async function addNote(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('textbox', { name: 'Note (Markdown)' });
  await editor.click();
  await editor.pressSequentially(text);
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.goBack();
}

test.describe('Merging people', () => {
  test('two records of one man become one: visits and notes move, names become aliases, and undo restores both', async ({ page }) => {
    const people = new PeoplePage(page);
    await addPerson(page, people, 'Mustafa A. Kadhimi');
    await people.openPerson('Mustafa A. Kadhimi');
    await addNote(page, 'Spoke at the Baghdad conference');
    await expect(page.getByRole('link', { name: 'Spoke at the Baghdad conference' })).toBeVisible();
    await people.open();

    // Choose both, keep the seeded record's name.
    const merge = page.getByRole('button', { name: /^Merge chosen people/ });
    await expect(merge).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Choose Mustafa A. Kadhimi' }).check();
    await page.getByRole('checkbox', { name: 'Choose Mustafa al-Kadhemi' }).check();
    await merge.click();
    const dialog = page.getByRole('dialog', { name: 'Merge people' });
    await expect(dialog).toBeVisible();
    // The record with the visits is offered first.
    await expect(dialog.getByRole('radio', { name: /Mustafa al-Kadhemi/ })).toBeChecked();
    await expect(dialog).toContainText('Mustafa A. Kadhimi will become an alias of Mustafa al-Kadhemi');
    await dialog.getByRole('button', { name: 'Merge 2 people' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').getByText('Merged Mustafa A. Kadhimi into Mustafa al-Kadhemi')).toBeVisible();

    await expect(people.row('Mustafa A. Kadhimi')).toHaveCount(0);
    await expect(people.row('Mustafa al-Kadhemi')).toContainText('Mustafa A. Kadhimi');
    await expect(people.row('Mustafa al-Kadhemi').getByRole('cell').last()).toHaveText('3');
    // Found by the merged name too.
    await people.findBox.fill('A. Kadhimi');
    await expect(people.row('Mustafa al-Kadhemi')).toBeVisible();
    await people.openPerson('Mustafa al-Kadhemi');
    await expect(page.getByRole('link', { name: 'Spoke at the Baghdad conference' })).toBeVisible();
    await expect(people.visitsAsTraveller().getByRole('row')).toHaveCount(4);

    // Undo, from the keyboard: both people are back as they were.
    await people.open();
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').getByText('Undone: Merge people into Mustafa al-Kadhemi')).toBeVisible();
    await expect(people.row('Mustafa A. Kadhimi')).toBeVisible();
    await expect(people.row('Mustafa al-Kadhemi')).not.toContainText('Mustafa A. Kadhimi');
    await expect(people.row('Mustafa al-Kadhemi').getByRole('cell').last()).toHaveText('3');
    await people.openPerson('Mustafa A. Kadhimi');
    await expect(page.getByRole('link', { name: 'Spoke at the Baghdad conference' })).toBeVisible();
  });

  test('keeping the newer record’s name moves the seeded visits to it', async ({ page }) => {
    const people = new PeoplePage(page);
    await addPerson(page, people, 'Mustafa Al-Kadhimi');
    await page.getByRole('checkbox', { name: 'Choose Mustafa Al-Kadhimi' }).check();
    await page.getByRole('checkbox', { name: 'Choose Mustafa al-Kadhemi' }).check();
    await page.getByRole('button', { name: 'Merge chosen people (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge people' });
    await dialog.getByRole('radio', { name: /Mustafa Al-Kadhimi/ }).check();
    await expect(dialog).toContainText('Mustafa al-Kadhemi will become an alias of Mustafa Al-Kadhimi');
    await dialog.getByRole('button', { name: 'Merge 2 people' }).click();
    await expect(people.row('Mustafa Al-Kadhimi').getByRole('cell').last()).toHaveText('3');
    await people.openPerson('Mustafa Al-Kadhimi');
    await expect(people.visitsAsTraveller()).toContainText('Iran');
    await expect(people.visitsAsTraveller()).toContainText('Saudi Arabia');
  });

  test('a person changed in another window since being chosen is not merged, and the dialog says why', async ({ page, profile }) => {
    const people = new PeoplePage(page);
    await addPerson(page, people, 'Donald J. Trump');
    await page.getByRole('checkbox', { name: 'Choose Donald J. Trump' }).check();
    await page.getByRole('checkbox', { name: 'Choose Donald Trump' }).check();
    await page.getByRole('button', { name: 'Merge chosen people (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge people' });
    await expect(dialog).toBeVisible();

    const other = await (await profile.launch()).newPage();
    await other.goto('./#/people');
    const otherPeople = new PeoplePage(other);
    await otherPeople.openPerson('Donald Trump');
    await otherPeople.edit();
    await otherPeople.field('About').fill('Edited meanwhile');
    await other.getByRole('button', { name: 'Save' }).click();
    await expect(other.getByText('Edited meanwhile')).toBeVisible();

    await dialog.getByRole('button', { name: 'Merge 2 people' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Nothing was merged');
    await expect(dialog.getByRole('alert')).toContainText('changed in another window');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(people.row('Donald J. Trump')).toBeVisible();
    await expect(people.row('Donald Trump')).toBeVisible();
  });

  test('possible duplicates lists a middle-initial pair, and merging from it leaves one record', async ({ page }) => {
    const people = new PeoplePage(page);
    await addPerson(page, people, 'Donald J. Trump');
    await page.getByRole('button', { name: /^Possible duplicates/ }).click();
    const list = page.getByRole('list', { name: 'Possible duplicates' });
    const pair = list.getByRole('listitem').filter({ hasText: 'Donald J. Trump' });
    await expect(pair).toContainText('Donald J. Trump (0) and Donald Trump (0) — same name but for a middle initial');
    await pair.getByRole('button', { name: 'Merge Donald J. Trump and Donald Trump' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge people' });
    await dialog.getByRole('radio', { name: /^Donald Trump/ }).check();
    await dialog.getByRole('button', { name: 'Merge 2 people' }).click();
    await expect(dialog).toBeHidden();
    await expect(list.getByRole('listitem').filter({ hasText: 'Donald J. Trump' })).toHaveCount(0);
    await expect(people.row('Donald J. Trump')).toHaveCount(0);
    await expect(people.row('Donald Trump')).toContainText('Donald J. Trump');
  });
});

/** Made-up news (people and trips invented): one traveller recorded under a middle initial, one under another spelling. */
const TWO_TRIPS = `Halvorsen to Visit Kenya, Carter Heads to Chile

OSLO, May 2 — Norwegian Prime Minister Ingrid Halvorsen will visit Kenya next month for talks on trade and clean energy, her office said on Thursday.

Separately, U.S. President Daniel Carter will visit Chile on June 10 for a regional summit, the White House said.
`;

test.describe('Matching people on import', () => {
  test('an article naming recorded people links to them: a certain match at once, an uncertain one when the user says so', async ({
    page,
  }) => {
    const people = new PeoplePage(page);
    await addPerson(page, people, 'Ingrid K. Halvorsen');
    await addPerson(page, people, 'Daniel Karter');

    const importer = new ImportPage(page);
    await importer.open();
    await importer.read(TWO_TRIPS, '2019-05-02');
    await importer.waitForReview();

    const kenya = importer.rows.filter({ has: page.getByRole('cell', { name: 'Kenya', exact: true }) });
    await expect(kenya).toContainText('matches existing person Ingrid K. Halvorsen');
    const carter = importer.row('Daniel Carter');
    await expect(carter).toContainText('new person');
    const who = carter.getByRole('group', { name: 'Who is Daniel Carter?' });
    await expect(who).toContainText('may be');
    // The person choice itself (the rest of the review is the import screen's own axe check).
    expect(await seriousViolations(page, '.import-match')).toEqual([]);
    await who.getByRole('button', { name: 'Link to Daniel Karter' }).click();
    await expect(carter).toContainText('matches existing person Daniel Karter');

    await importer.decision(kenya, 'Accept').click();
    await importer.decision(carter, 'Accept').click();
    await expect(importer.save).toHaveText('Save accepted (2)');
    await importer.save.click();
    await expect(importer.savedHeading).toHaveText('Saved 2 visits');
    await expect(page.getByText('0 new people, 2 already known')).toBeVisible();

    await people.open();
    await expect(people.row('Ingrid Halvorsen')).toHaveCount(0);
    await expect(people.row('Daniel Carter')).toHaveCount(0);
    await expect(people.row('Ingrid K. Halvorsen').getByRole('cell').last()).toHaveText('1');
    await expect(people.row('Daniel Karter').getByRole('cell').last()).toHaveText('1');
  });

  test('an uncertain match left alone becomes a new person, offered afterwards among the possible duplicates', async ({ page }) => {
    const people = new PeoplePage(page);
    await addPerson(page, people, 'Daniel Karter');
    const importer = new ImportPage(page);
    await importer.open();
    await importer.read(TWO_TRIPS, '2019-05-02');
    await importer.waitForReview();
    const carter = importer.row('Daniel Carter');
    await expect(carter.getByRole('group', { name: 'Who is Daniel Carter?' })).toBeVisible();
    await importer.decision(carter, 'Accept').click();
    await importer.save.click();
    await expect(page.getByText('1 new person, 0 already known')).toBeVisible();

    await people.open();
    await page.getByRole('button', { name: /^Possible duplicates/ }).click();
    await expect(page.getByRole('list', { name: 'Possible duplicates' })).toContainText(
      'Daniel Carter (1) and Daniel Karter (0) — given name and surname alike (spelling or middle names differ)',
    );
  });
});

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`People with its duplicates and the merge dialog pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const people = new PeoplePage(page);
    await addPerson(page, people, 'Donald J. Trump');
    await page.getByRole('checkbox', { name: 'Choose Donald J. Trump' }).check();
    await page.getByRole('button', { name: /^Possible duplicates/ }).click();
    await expect(page.getByRole('list', { name: 'Possible duplicates' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Merge Donald J. Trump and Donald Trump' }).click();
    await expect(page.getByRole('dialog', { name: 'Merge people' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the bundled Office of the Historian records link Donald J. Trump to the seeded Donald Trump, and list the al-Sisi spellings as possible duplicates', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('./#/import/dataset');
  await page.getByRole('button', { name: /^Office of the Historian records \(bundled\)/ }).click();
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished).toBeVisible({ timeout: 240_000 });
  await expect(finished).toContainText(/\d+ people of the data set are already recorded: their visits were linked to them/);

  const people = new PeoplePage(page);
  await people.open();
  await people.findBox.fill('Trump');
  await expect(people.row('Donald J. Trump')).toHaveCount(0);
  await expect(people.row('Donald Trump')).toBeVisible();
  await expect(people.row('Donald Trump').getByRole('cell').last()).not.toHaveText('0');

  await page.getByRole('button', { name: /^Possible duplicates \(\d+\)/ }).click();
  const list = page.getByRole('list', { name: 'Possible duplicates' });
  await expect(list).toContainText('Abdel Fattah al-Sisi (2) and Abdelfattah Said Elsisi (1)');
  await expect(list).toContainText('Abdel Fattah al-Sisi (2) and Abdel Fattah Said Alsisi (1)');
  // Different initials are different people.
  await expect(list).not.toContainText('George H.W. Bush');
});
