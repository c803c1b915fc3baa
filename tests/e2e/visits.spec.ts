import { test, expect } from './support/fixtures';
import { PeoplePage } from './support/people-page';
import { choose, optionsOf } from './support/combobox';
import { SEED } from './support/seed-refs';
import { VisitDetail, VisitForm, VisitsList } from './support/visits-page';

const TEHRAN = 'Mustafa al-Kadhemi → Iran, Tehran';
const SAUDI = 'Mustafa al-Kadhemi → Saudi Arabia';
const WASHINGTON = 'Mustafa al-Kadhemi → United States, Washington';
const PARIS = 'Mustafa al-Kadhemi → France, Paris';
const ARTICLE_TITLE = 'Khamenei tells visiting Iraqi PM Kadhemi that Iran will not interfere in Iraq’s ties with Washington';

test('first launch shows the three seeded visits with their statuses and dates', async ({ page }) => {
  const list = new VisitsList(page);
  await expect(list.heading).toBeVisible();
  await list.expectCount(3);

  const tehran = list.row(TEHRAN);
  await expect(tehran.getByRole('cell').nth(2)).toHaveText('completed');
  await expect(tehran).toContainText('21 July 2020');

  await expect(list.row(SAUDI).getByRole('cell').nth(2)).toHaveText('postponed');
  await expect(list.row(SAUDI)).toContainText('Date unknown');

  const washington = list.row(WASHINGTON);
  await expect(washington.getByRole('cell').nth(2)).toHaveText('planned');
  await expect(washington).toContainText('22 July 2020 – 2 September 2020 (within weeks)');
});

test('a visit is created, postponed, rescheduled and completed, with its history in order; it survives a relaunch', async ({
  page,
  profile,
}) => {
  const list = new VisitsList(page);
  await list.newVisit.click();
  await expect(page.getByRole('heading', { level: 1, name: 'New visit' })).toBeVisible();
  const form = new VisitForm(page);
  const detail = await form.create({
    traveller: 'Mustafa al-Kadhemi',
    country: 'France',
    city: 'Paris',
    kind: 'Official visit',
    purpose: 'Talks on reconstruction',
    start: '2020-09-10',
    status: 'planned',
  });
  await expect(detail.heading).toHaveText(PARIS);
  await expect(page.getByText('10 September 2020').first()).toBeVisible();

  await detail.changeStatusAndSave({ to: 'Postpone', on: '2020-09-01', reason: 'Paris summit moved' });
  await detail.changeStatusAndSave({ to: 'Reschedule', on: '2020-09-20', start: '2020-10-05' });
  await detail.changeStatusAndSave({ to: 'Mark completed', on: '2020-10-05' });

  await expect(detail.historyRows).toHaveCount(4);
  const expected = [
    ['planned', 'first recorded', '10 September 2020'],
    ['postponed', 'planned', 'Paris summit moved', '1 September 2020'],
    ['planned', 'postponed', '5 October 2020', '20 September 2020'],
    ['completed', 'planned', '5 October 2020'],
  ];
  for (const [i, words] of expected.entries()) {
    for (const w of words) await expect(detail.historyRows.nth(i)).toContainText(w);
  }
  // A completed visit is corrected by reopening it (with a reason, see visit-lifecycle.spec.ts).
  await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // Closing the browser and opening it again on the same profile keeps everything, and seeds nothing twice.
  const again = await profile.relaunch('/visits');
  const list2 = new VisitsList(again);
  await list2.expectCount(4);
  await expect(list2.row(PARIS).getByRole('cell').nth(2)).toHaveText('completed');
  const detail2 = await list2.open(PARIS);
  await expect(detail2.historyRows).toHaveCount(4);
  await expect(detail2.historyRows.nth(1)).toContainText('Paris summit moved');
});

test('a new traveller can be added from the form (empty-database path)', async ({ page }) => {
  await page.goto('./#/visits/new');
  const form = new VisitForm(page);
  const detail = await form.create({ newTraveller: 'Emmanuel Macron', country: 'Iraq', city: 'Baghdad', start: '2020-09' });
  await expect(detail.heading).toHaveText('Emmanuel Macron → Iraq, Baghdad');
  await expect(page.getByText('September 2020').first()).toBeVisible();
});

test('invalid input shows the message and keeps what was typed; nothing is saved', async ({ page }) => {
  const list = new VisitsList(page);
  await list.newVisit.click();
  const form = new VisitForm(page);
  await form.fill({
    traveller: 'Mustafa al-Kadhemi',
    country: 'France',
    city: 'Paris',
    purpose: 'A purpose I do not want to type twice',
    start: '2020-09-10',
    end: '2020-09-01',
  });
  await form.save.click();
  await expect(form.summary).toContainText('The end date is before the start date');
  await expect(form.form.getByLabel('End')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.form.getByLabel('Purpose')).toHaveValue('A purpose I do not want to type twice');
  await expect(form.form.getByLabel('Start')).toHaveValue('2020-09-10');

  await form.form.getByLabel('End').fill('');
  await form.form.getByLabel('Start').fill('2020-02-30');
  await form.save.click();
  await expect(form.summary).toContainText('2020-02-30 does not exist in the calendar');
  await expect(form.form.getByLabel('Purpose')).toHaveValue('A purpose I do not want to type twice');

  // Cancel on a dirty form asks first; discarding goes back without saving.
  await form.cancel.click();
  const confirm = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Discard changes' }).click();
  await list.expectCount(3);
});

test('a refused status change is explained in the dialog and keeps what was typed', async ({ page }) => {
  const list = new VisitsList(page);
  const detail = await list.open(WASHINGTON);
  const dialog = await detail.changeStatus({ to: 'Postpone' });
  // Only the transitions the state machine allows from "planned" are offered.
  await expect(dialog.newStatus.locator('option')).toHaveText([
    'Postpone (postponed)',
    'Mark underway (underway)',
    'Mark completed (completed)',
    'Cancel (cancelled)',
    'Reschedule (planned)',
  ]);
  await dialog.submit.click();
  await expect(dialog.root.getByText('Say why the visit was postponed.')).toBeVisible();
  await expect(dialog.root).toBeVisible();
  // Escape closes the dialog without a change.
  await page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
  await expect(detail.historyRows).toHaveCount(1);
});

test('delete with undo', async ({ page }) => {
  const list = new VisitsList(page);
  const detail = await list.open(SAUDI);
  await detail.delete();
  await expect(list.heading).toBeVisible();
  await list.expectCount(2);
  await expect(list.row(SAUDI)).toHaveCount(0);
  await page.getByRole('status').getByText('Visit deleted').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await list.expectCount(3);
  await expect(list.row(SAUDI)).toHaveCount(1);
});

test('filters live in the URL and survive a reload', async ({ page }) => {
  const list = new VisitsList(page);
  await list.status.selectOption('postponed');
  await list.expectCount(1);
  await expect(list.row(SAUDI)).toHaveCount(1);
  await expect(page).toHaveURL(/status=postponed/);

  await page.reload();
  await expect(list.status).toHaveValue('postponed');
  await list.expectCount(1);

  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await list.expectCount(3);
  await expect(page).not.toHaveURL(/status=/);

  // Back restores the filter (each filter choice is a history entry).
  await page.goBack();
  await expect(list.status).toHaveValue('postponed');
  await list.expectCount(1);
  await page.goBack();
  await list.expectCount(3);

  // Host country, find text and an empty result with its way out.
  await choose(list.country, 'United States', 'us');
  await list.expectCount(1);
  await choose(list.country, 'Any country', 'any');
  await list.find.fill('kadhimi iran');
  await list.expectCount(1);
  await list.find.fill('nowhere at all');
  await expect(page.getByRole('heading', { name: 'No visits match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await list.expectCount(3);

  // Date range: July 2020 only holds Tehran and the Washington window; Saudi has no date.
  await page.getByLabel('From').fill('2020-07-01');
  await page.getByLabel('To').fill('2020-07-21');
  await list.expectCount(1);
  await expect(list.row(TEHRAN)).toHaveCount(1);
});

test('the Traveller filter is typed to find and chosen with the keyboard; "Anyone" clears it', async ({ page }) => {
  const list = new VisitsList(page);
  await list.expectCount(3);
  await choose(list.traveller, 'Mustafa al-Kadhemi', 'kadh');
  await expect(page).toHaveURL(/traveller=/);
  await list.expectCount(3);
  await choose(list.traveller, 'Anyone', 'any');
  await expect(page).not.toHaveURL(/traveller=/);
  await choose(list.traveller, 'Mustafa al-Kadhemi', 'mus');
  await page.reload();
  await expect(list.traveller).toHaveValue('Mustafa al-Kadhemi');
});

test('Ctrl+F hands over to Search (the list’s Find box filters the list; Search finds every kind of record)', async ({ page }) => {
  const list = new VisitsList(page);
  await list.heading.click();
  await page.keyboard.press('Control+f');
  await expect(page).toHaveURL(/#\/search/);
});

test('two pages on the same profile see each other’s edits live', async ({ page, profile }) => {
  const context = await profile.launch();
  const other = await context.newPage();
  await other.goto('./#/visits');
  const otherList = new VisitsList(other);
  await otherList.expectCount(3);

  const list = new VisitsList(page);
  const detail = await list.open(WASHINGTON);
  // The second page shows the same visit's page too.
  await otherList.open(WASHINGTON);
  const otherDetail = new VisitDetail(other);
  await expect(otherDetail.historyRows).toHaveCount(1);

  await detail.changeStatusAndSave({ to: 'Postpone', reason: 'Talks delayed' });
  await expect(otherDetail.historyRows).toHaveCount(2);
  await expect(otherDetail.historyRows.nth(1)).toContainText('Talks delayed');

  await other.goBack();
  await otherList.expectCount(3);
  await expect(otherList.row(WASHINGTON).getByRole('cell').nth(2)).toHaveText('postponed');
  await other.close();
});

test('a list shown again from what it kept still follows edits made elsewhere: rows, count and filter choices', async ({
  page,
  profile,
}) => {
  const context = await profile.launch();
  const other = await context.newPage();
  await other.goto('./#/visits');
  const otherList = new VisitsList(other);
  await otherList.expectCount(3);
  // The filter's choices are read once the list is in; reaching for a control reads them at once.
  await otherList.traveller.fill('Mustafa');
  await expect((await optionsOf(otherList.traveller)).filter({ hasText: 'Mustafa al-Kadhemi' })).toHaveCount(1);
  await otherList.traveller.press('Escape');
  // Out to a visit and back: nothing changed, so the list comes back from what it kept, settled at once.
  await otherList.open(TEHRAN);
  await other.goBack();
  await otherList.expectCount(3);
  await expect(otherList.table).not.toHaveAttribute('aria-busy', /.*/);

  // Edits in this page: a visit deleted, the traveller renamed.
  const list = new VisitsList(page);
  const detail = await list.open(SAUDI);
  await detail.delete();
  await list.expectCount(2);
  await otherList.expectCount(2);
  await expect(otherList.row(SAUDI)).toHaveCount(0);

  const people = new PeoplePage(page);
  await people.open();
  await people.openPerson('Mustafa al-Kadhemi');
  await people.edit();
  await people.field('Name').fill('Mustafa Al-Kadhimi');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mustafa Al-Kadhimi', exact: true })).toBeVisible();
  await otherList.traveller.fill('Mustafa');
  await expect((await optionsOf(otherList.traveller)).filter({ hasText: 'Mustafa Al-Kadhimi' })).toHaveCount(1);
  await expect((await optionsOf(otherList.traveller)).filter({ hasText: 'Mustafa al-Kadhemi' })).toHaveCount(0);
  await otherList.traveller.press('Escape');
  await expect(otherList.row('Mustafa Al-Kadhimi → Iran, Tehran')).toHaveCount(1);
  await other.close();
});

test('a status change cites a source chosen in the dialog; the history links to it', async ({ page }) => {
  const list = new VisitsList(page);
  const detail = await list.open(WASHINGTON);
  const dialog = await detail.changeStatus({ to: 'Postpone', reason: 'Talks delayed' });
  const source = dialog.root.getByRole('combobox', { name: 'Source' });
  // The sources are read when the dialog opens (the visit's page reads only those it names); typed to find.
  await expect(source).toBeEnabled();
  await choose(source, 'Khamenei tells visiting Iraqi PM Kadhemi', 'kadhemi');
  await dialog.submit.click();
  await expect(dialog.root).toBeHidden();
  await expect(detail.historyRows).toHaveCount(2);
  const cited = detail.historyRows.nth(1).getByRole('link', { name: /^Khamenei tells visiting Iraqi PM Kadhemi/ });
  await expect(cited).toHaveAttribute('href', `#/sources/${SEED.article}`);
  await expect(cited).toHaveAttribute('title', ARTICLE_TITLE);
  // After a reload the page still names it (read with the visit, not from a list of every source).
  await page.reload();
  await expect(detail.historyRows.nth(1).getByRole('link', { name: /^Khamenei tells visiting Iraqi PM Kadhemi/ })).toBeVisible();
});

test('the Tehran visit shows the meeting with Khamenei, quotes and evidence linked to the source', async ({ page }) => {
  const list = new VisitsList(page);
  const detail = await list.open(TEHRAN);
  await expect(detail.heading).toHaveText(TEHRAN);
  await expect(page.getByText('This visit is completed. If the record is wrong or the trip was revived, reopen it')).toBeVisible();

  const meeting = page.getByRole('article', { name: /Meeting: Mustafa al-Kadhemi and Ali Khamenei/ });
  await expect(meeting).toBeVisible();
  await expect(meeting.locator('blockquote').first()).toContainText('Iran will not interfere');
  await expect(meeting.getByRole('link', { name: 'Ali Khamenei' }).first()).toBeVisible();

  const evidence = page.locator('.visit-evidence');
  await expect(evidence.locator('blockquote').first()).toBeVisible();
  const link = evidence.getByRole('link', { name: /Show in source/ }).first();
  await expect(link).toHaveAttribute('href', /#\/sources\/5eed0000-0000-4000-8000-000000000001\?highlight=/);

  // The source of the status history entry is a link too.
  await expect(detail.history.getByRole('link').first()).toHaveAttribute('href', /#\/sources\//);
});

test('a missing visit shows a clear message', async ({ page }) => {
  await page.goto('./#/visits/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Visit not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the list of visits' }).click();
  await new VisitsList(page).expectCount(3);
});

test('editing a visit saves with Ctrl+Enter, keeps the status history, and can be undone', async ({ page }) => {
  const list = new VisitsList(page);
  const detail = await list.open(WASHINGTON);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit visit: ${WASHINGTON}` })).toBeVisible();
  const form = new VisitForm(page);
  // Status is changed only through "Change status" (which records history), never in the form.
  await expect(form.form.getByLabel('Status', { exact: true })).toHaveCount(0);
  await expect(form.form.getByLabel('Start')).toHaveValue('2020-07-22..2020-09-02');
  await form.form.getByLabel('Purpose').fill('Talks on the US troop presence');
  await form.form.getByLabel('Purpose').press('Control+Enter');
  await expect(page.getByText('Visit saved')).toBeVisible();
  await expect(page.getByText('Talks on the US troop presence')).toBeVisible();
  await expect(detail.historyRows).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Talks on the US troop presence')).toHaveCount(0);
});
