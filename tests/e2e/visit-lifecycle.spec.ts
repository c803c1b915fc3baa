import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { choose } from './support/combobox';
import { DashboardScreen } from './support/dashboard-page';
import { SEED } from './support/seed-refs';
import { StatusDialog, VisitDetail, VisitForm, VisitsList } from './support/visits-page';

const WASHINGTON = 'Mustafa al-Kadhemi → United States, Washington';
const TEHRAN = 'Mustafa al-Kadhemi → Iran, Tehran';
const ROME = 'Mustafa al-Kadhemi → Italy, Rome';

async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test.describe('plans that come due, a history in date order, reopening', () => {
  test.describe.configure({ timeout: 90_000 });

  test('the seeded Washington plan is overdue on its page and on the Dashboard; recording what happened clears it', async ({ page }) => {
    const dash = new DashboardScreen(page);
    await dash.goto();
    const card = page.getByRole('region', { name: 'Needs follow-up' });
    await expect(card).toContainText('1 plan whose dates have passed');
    await expect(card).toContainText('planned, due by 2 September 2020');
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByRole('link', { name: WASHINGTON }).click();

    const detail = new VisitDetail(page);
    await expect(detail.heading).toHaveText(WASHINGTON);
    await expect(page.locator('.visit-facts').getByText('Overdue', { exact: true })).toBeVisible();
    const followUp = page.getByRole('region', { name: 'Needs follow-up' });
    await expect(followUp).toContainText(
      'still planned, but its dates (22 July 2020 – 2 September 2020 (within weeks)) ended on 2 September 2020',
    );
    // The reconcile rule looked for recorded visits of this traveller to this country: there are none in the seed.
    await expect(followUp).toContainText('No recorded visit of this traveller to this country matches its dates.');
    await expect(followUp.getByRole('button', { name: 'Reschedule' })).toBeVisible();
    // The notes come before the evidence, and the contents row reaches them; the dossier has its link.
    await page
      .getByRole('navigation', { name: 'On this page' })
      .getByRole('link', { name: /^Notes/ })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: 'Notes' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Visit dossier' })).toHaveAttribute('href', `#/reports/dossier/${SEED.washingtonVisit}`);
    expect(await seriousViolations(page)).toEqual([]);

    await followUp.getByRole('button', { name: 'Record what happened' }).click();
    const dialog = new StatusDialog(page, 'Record what happened');
    await expect(dialog.root).toBeVisible();
    await expect(dialog.newStatus.locator('option')).toHaveText(['Mark completed (completed)', 'Cancel (cancelled)']);
    // Before the plan was reported (22 July 2020): refused in the dialog, with the bound named; nothing typed is lost.
    await dialog.fill({ to: 'Mark completed', on: '2020-07-01', start: '2020-08-19', end: '2020-08-21' });
    await choose(dialog.root.getByRole('combobox', { name: 'Source' }), 'Khamenei tells visiting Iraqi PM Kadhemi', 'khamenei');
    await dialog.submit.click();
    await expect(dialog.root.getByText('date this change 22 July 2020 or later')).toBeVisible();
    await expect(dialog.root.getByLabel('Start (as it happened)')).toHaveValue('2020-08-19');
    await dialog.root.getByLabel('Effective date').fill('2020-08-21');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.submit.click();
    await expect(dialog.root).toBeHidden();

    await expect(page.locator('.visit-facts')).toContainText('completed');
    await expect(page.locator('.visit-facts').getByText('Overdue', { exact: true })).toHaveCount(0);
    await expect(followUp).toHaveCount(0);
    await expect(detail.historyRows).toHaveCount(2);
    await expect(detail.historyRows.nth(1)).toContainText('21 August 2020');
    await expect(detail.historyRows.nth(1).getByRole('link', { name: /^Khamenei tells visiting Iraqi PM/ })).toBeVisible();
    await expect(detail.historyRows.nth(1)).toContainText('19 August 2020 – 21 August 2020');

    await dash.goto();
    await expect(card).toContainText('No plan has come due');
  });

  test('the Dashboard card lists overdue plans in the Visits list', async ({ page }) => {
    const dash = new DashboardScreen(page);
    await dash.goto();
    await page.getByRole('region', { name: 'Needs follow-up' }).getByRole('link', { name: 'See them in the Visits list' }).click();
    await expect(page).toHaveURL(/#\/visits\?overdue=1$/);
    const list = new VisitsList(page);
    await list.expectCount(1);
    await expect(list.row(WASHINGTON)).toContainText('Overdue');
  });

  test('a first status typed without a date says so, does not hold back earlier changes, and can be dated', async ({ page }) => {
    const list = new VisitsList(page);
    await list.newVisit.click();
    const form = new VisitForm(page);
    const detail = await form.create({
      traveller: 'Mustafa al-Kadhemi',
      country: 'Italy',
      city: 'Rome',
      start: '2020-09-10',
      status: 'planned',
    });
    await expect(detail.historyRows.first()).toContainText('Not given (recorded');
    // The day the plan was announced is unknown, so a postponement in 2020 is not "before" it.
    await detail.changeStatusAndSave({ to: 'Postpone', on: '2020-08-15', reason: 'Rome talks moved' });
    await expect(detail.historyRows).toHaveCount(2);
    await expect(detail.historyRows.nth(0)).toContainText('Not given');
    await expect(detail.historyRows.nth(1)).toContainText('15 August 2020');
    await detail.historyRows.first().getByRole('button', { name: 'Date the first status' }).click();
    const redate = page.getByRole('dialog', { name: 'Date the first status' });
    await redate.getByLabel('Announced or first reported on').fill('2020-07-01');
    await redate.getByRole('button', { name: 'Save date' }).click();
    await expect(redate).toBeHidden();
    await expect(detail.historyRows.first()).toContainText('1 July 2020');
    await expect(detail.historyRows.first()).not.toContainText('Not given');
  });

  test('an overdue plan shows the recorded visits that match it, as the Reconcile page would', async ({ page }) => {
    const list = new VisitsList(page);
    await list.newVisit.click();
    const form = new VisitForm(page);
    await form.create(
      { traveller: 'Mustafa al-Kadhemi', country: 'United States', city: 'Washington', start: '2020-08-20', status: 'completed' },
      { duplicateOf: /^Mustafa al-Kadhemi → United States/ },
    );
    // Both visits now read the same in the list: open the plan by its address.
    await page.goto(`./#/visits/${SEED.washingtonVisit}`);
    const followUp = page.getByRole('region', { name: 'Needs follow-up' });
    const match = followUp.getByRole('listitem').filter({ hasText: 'Recorded on 20 August 2020, inside the planned dates' });
    await expect(match).toHaveCount(1);
    await expect(match.getByRole('link', { name: `${WASHINGTON}, 20 August 2020` })).toBeVisible();
    await followUp.getByRole('link', { name: 'Review the matches on the Reconcile page' }).click();
    await expect(page).toHaveURL(/#\/reconcile$/);
  });

  test('a visit with a back-dated first status, postponed with an earlier effective date, lists its history in date order', async ({
    page,
  }) => {
    const list = new VisitsList(page);
    await list.newVisit.click();
    const form = new VisitForm(page);
    await form.fill({ traveller: 'Mustafa al-Kadhemi', country: 'Italy', city: 'Rome', start: '2020-09-10', status: 'planned' });
    const firstOn = form.form.getByLabel('First announced or reported on');
    // A day after today is refused at once, and nothing is saved.
    await firstOn.fill('2999-01-01');
    await form.save.click();
    await expect(form.form.getByText('This date cannot be after today')).toBeVisible();
    await firstOn.fill('2020-06-01');
    await form.save.click();
    const detail = new VisitDetail(page);
    await expect(detail.heading).toHaveText(ROME);
    await expect(detail.historyRows).toHaveCount(1);
    await expect(detail.historyRows.first()).toContainText('1 June 2020');

    // Postponed "as of" a day before the plan was announced: refused, with why.
    const dialog = await detail.changeStatus({ to: 'Postpone', on: '2020-05-15', reason: 'Rome talks moved' });
    await dialog.submit.click();
    await expect(dialog.root.getByText('date this change 1 June 2020 or later')).toBeVisible();
    await dialog.root.getByLabel('Effective date').fill('2020-08-15');
    await dialog.submit.click();
    await expect(dialog.root).toBeHidden();

    await detail.changeStatusAndSave({ to: 'Reschedule', on: '2020-08-20', start: '2020-10-05' });
    const expected = [
      ['planned', '1 June 2020', 'first recorded', '10 September 2020'],
      ['postponed', '15 August 2020', 'planned', 'Rome talks moved'],
      ['planned', '20 August 2020', 'postponed', '5 October 2020'],
    ];
    await expect(detail.historyRows).toHaveCount(3);
    for (const [i, words] of expected.entries()) {
      for (const w of words) await expect(detail.historyRows.nth(i)).toContainText(w);
    }

    // Correcting a date keeps the order: the announcement cannot move after the postponement.
    await detail.historyRows.first().getByRole('button', { name: 'Change the date of the first status' }).click();
    const redate = page.getByRole('dialog', { name: 'Date the first status' });
    await expect(redate).toContainText('on or before 15 August 2020');
    await redate.getByLabel('Announced or first reported on').fill('2020-08-16');
    await redate.getByRole('button', { name: 'Save date' }).click();
    await expect(redate.getByText('cannot be dated after the one below it (15 August 2020)')).toBeVisible();
    await redate.getByLabel('Announced or first reported on').fill('2020-05-20');
    await redate.getByRole('button', { name: 'Save date' }).click();
    await expect(redate).toBeHidden();
    await expect(detail.historyRows.first()).toContainText('20 May 2020');
    expect(await seriousViolations(page)).toEqual([]);

    // The order survives a reload (it is stored, not only drawn).
    await page.reload();
    await expect(detail.historyRows).toHaveCount(3);
    await expect(detail.historyRows.nth(0)).toContainText('20 May 2020');
    await expect(detail.historyRows.nth(2)).toContainText('20 August 2020');
  });

  test('a completed visit is reopened with a reason, kept in the history', async ({ page }) => {
    const list = new VisitsList(page);
    const detail = await list.open(TEHRAN);
    await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Reopen' }).click();
    const dialog = new StatusDialog(page, 'Reopen');
    await expect(dialog.root).toBeVisible();
    await expect(dialog.newStatus.locator('option')).toHaveText(['Reopen as planned (planned)', 'Reopen as underway (underway)']);
    await dialog.fill({ to: 'Reopen as planned', on: '2020-07-25' });
    await dialog.submit.click();
    await expect(dialog.root.getByText('Say why the completed visit is reopened.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.root.getByLabel('Reason').fill('Recorded as done by mistake: the article reported the plan');
    await dialog.submit.click();
    await expect(dialog.root).toBeHidden();

    await expect(detail.historyRows).toHaveCount(2);
    await expect(detail.historyRows.nth(1)).toContainText('25 July 2020');
    await expect(detail.historyRows.nth(1)).toContainText('completed');
    await expect(detail.historyRows.nth(1)).toContainText('Recorded as done by mistake');
    await expect(page.locator('.visit-facts')).toContainText('planned');
    await expect(page.getByRole('button', { name: 'Change status' })).toBeEnabled();
    // Undo takes the correction back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(detail.historyRows).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
  });
});
