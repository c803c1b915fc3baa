import { test, expect } from './support/fixtures';
import { VisitDetail, VisitForm, VisitsList } from './support/visits-page';

const WASHINGTON = 'Mustafa al-Kadhemi → United States, Washington';

test('a recorded visit is proposed as fulfilling the planned Washington trip; accepting completes it, undo restores both', async ({
  page,
}) => {
  // A recorded visit, as an import would bring it: same traveller, same country, inside the planned window.
  await page.goto('./#/visits/new');
  const form = new VisitForm(page);
  await form.create(
    {
      traveller: 'Mustafa al-Kadhemi',
      country: 'United States',
      city: 'Washington',
      kind: 'Working visit',
      purpose: 'Official Working Visit.',
      start: '2020-08-20',
      status: 'completed',
    },
    // Inside the plan's window: the form warns that it may be the planned visit; the user records it apart.
    { duplicateOf: /Mustafa al-Kadhemi → United States \(Washington\)/ },
  );

  await page.goto('./#/reconcile');
  await expect(page.getByRole('heading', { level: 1, name: 'Reconcile' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Proposed matches' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Fulfilled by');
  await expect(table).toContainText('Recorded on 20 August 2020, inside the planned dates');

  await table.getByRole('button', { name: /^Accept:/ }).click();
  await expect(page.getByText(/Match accepted/)).toBeVisible();
  await expect(page.getByText('Nothing to reconcile')).toBeVisible();

  const list = new VisitsList(page);
  await list.goto();
  await list.expectCount(3);
  await list.open(WASHINGTON);
  const detail = new VisitDetail(page);
  await expect(detail.historyRows).toHaveCount(2);
  await expect(detail.historyRows.nth(1)).toContainText('completed');
  await expect(detail.historyRows.nth(1)).toContainText('Fulfilled by the recorded visit of 20 August 2020');

  // Undo from the keyboard (outside text fields) brings back both records as they were.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: Accept match')).toBeVisible();
  await expect(detail.historyRows).toHaveCount(1);
  await list.goto();
  await list.expectCount(4);
});

test('a rejected match is not proposed again', async ({ page }) => {
  await page.goto('./#/visits/new');
  await new VisitForm(page).create({
    traveller: 'Mustafa al-Kadhemi',
    country: 'Saudi Arabia',
    city: 'Riyadh',
    start: '2020-10-15',
    status: 'completed',
  });
  await page.goto('./#/reconcile');
  const table = page.getByRole('table', { name: 'Proposed matches' });
  await expect(table).toContainText('Rescheduled as');
  await table.getByRole('button', { name: /^Reject:/ }).click();
  await expect(page.getByText('Nothing to reconcile')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Nothing to reconcile')).toBeVisible();
});
