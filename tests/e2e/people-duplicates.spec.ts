import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { choose } from './support/combobox';
import { expect, test } from './support/fixtures';
import { PeoplePage } from './support/people-page';

/**
 * "Not the same person": a pair of Possible duplicates the user knows are two people leaves the
 * list, stays out of it after a reload, can be undone at once, and can be put back later.
 */

/** Adds a person through the New person form, its country chosen by typing, and comes back to People. */
async function addPerson(page: Page, people: PeoplePage, name: string, country?: { typed: string; label: string }): Promise<void> {
  await people.open();
  await page.getByRole('button', { name: 'New person' }).click();
  await people.field('Name').fill(name);
  if (country) {
    const box = page.getByRole('combobox', { name: 'Country', exact: true });
    await choose(box, country.label, country.typed);
    await expect(box).toHaveValue(country.label);
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  await people.open();
}

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function pairRow(list: Locator, name: string): Locator {
  return list.getByRole('listitem').filter({ hasText: name });
}

test.describe('Possible duplicates: not the same person', () => {
  test('a pair marked as two people leaves the list, stays out after a reload, is undone from the toast, and is restored', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const people = new PeoplePage(page);
    // Two people whose names differ from a seeded person's only by a middle initial; one is given
    // a country that no longer exists, found by its old abbreviation.
    await addPerson(page, people, 'Donald J. Trump');
    await addPerson(page, people, 'Ali H. Khamenei', { typed: 'ussr', label: 'Soviet Union' });
    await expect(people.row('Ali H. Khamenei')).toBeVisible();

    const toggle = page.getByRole('button', { name: /^Possible duplicates/ });
    await expect(toggle).toHaveText('Possible duplicates (2)');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Possible duplicates' });
    await expect(list.getByRole('listitem')).toHaveCount(2);

    // By keyboard: the first pair's "Not the same person".
    const first = list.getByRole('listitem').first();
    const firstText = (await first.textContent())!;
    const [gone, kept] = firstText.includes('Khamenei') ? ['Khamenei', 'Trump'] : ['Trump', 'Khamenei'];
    const notSame = first.getByRole('button', { name: /^Not the same person: / });
    await notSame.focus();
    await page.keyboard.press('Enter');
    await expect(pairRow(list, gone)).toHaveCount(0);
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(toggle).toHaveText('Possible duplicates (1)');
    await expect(page.getByRole('status').getByText(/marked as two people$/)).toBeVisible();
    // The keyboard stays in the list, on the pair that took its place.
    await expect(pairRow(list, kept).getByRole('button', { name: /^Merge / })).toBeFocused();
    // Nobody was merged or changed: both records are still listed.
    await expect(people.row('Donald J. Trump')).toBeVisible();
    await expect(people.row('Ali H. Khamenei')).toBeVisible();

    // Remembered: after a reload the pair is still out, and listed under "Marked as two people".
    await page.reload();
    await expect(toggle).toHaveText('Possible duplicates (1)');
    await toggle.click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(pairRow(list, gone)).toHaveCount(0);
    const dismissed = page.getByText('Marked as two people (1)');
    await expect(dismissed).toBeVisible();
    expect(await seriousViolations(page, '#people-duplicates')).toEqual([]);

    // Restored from there: back among the possible duplicates.
    await dismissed.click();
    const dismissedList = page.getByRole('list', { name: 'Marked as two people' });
    await expect(dismissedList.getByRole('listitem')).toHaveCount(1);
    await expect(dismissedList).toContainText(gone);
    expect(await seriousViolations(page, '#people-duplicates')).toEqual([]);
    await dismissedList.getByRole('button', { name: /^Restore / }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(toggle).toHaveText('Possible duplicates (2)');
    await expect(page.getByText(/^Marked as two people/)).toHaveCount(0);

    // Marked again, then taken back with the toast's Undo: one step.
    await pairRow(list, kept)
      .getByRole('button', { name: /^Not the same person: / })
      .click();
    await expect(toggle).toHaveText('Possible duplicates (1)');
    const toast = page
      .getByRole('status')
      .locator('.toast')
      .filter({ hasText: /marked as two people/ })
      .last();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(toggle).toHaveText('Possible duplicates (2)');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await page.reload();
    await expect(toggle).toHaveText('Possible duplicates (2)');
  });
});
