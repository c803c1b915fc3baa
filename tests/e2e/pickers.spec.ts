import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { optionsOf } from './support/combobox';
import { SEED } from './support/seed-refs';
import { VisitsList } from './support/visits-page';

/**
 * The pickers of people, places and records are comboboxes typed to find: with the 1,400-odd
 * people of the Office of the Historian records they stay short (50 rows and how many more), and
 * a visit, its hosts and a note's target are chosen with the keyboard alone.
 */

async function importBundled(page: Page): Promise<void> {
  await page.goto('./#/import/dataset');
  await page.getByRole('button', { name: /^Office of the Historian records \(bundled\)/ }).click();
  await expect(page.getByRole('region', { name: 'Import finished' })).toBeVisible({ timeout: 200_000 });
}

/** Tabs forward until `target` has the keyboard (at most `max` presses), as a keyboard user does. */
async function tabTo(page: Page, target: Locator, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Where the keyboard is and what the combobox shows, for a failure's message. */
async function comboState(box: Locator): Promise<string> {
  return box.evaluate(
    (el) =>
      `focused: ${document.activeElement === el ? 'the box' : (document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing')}; ` +
      `expanded: ${el.getAttribute('aria-expanded')}; value: "${(el as HTMLInputElement).value}"; ` +
      `active: "${el.getAttribute('aria-activedescendant') ?? ''}"; options: ${document.getElementById(el.getAttribute('aria-controls') ?? '')?.querySelectorAll('[role=option]').length ?? 0}`,
  );
}

/** The text of the option the combobox's active descendant points at ('' while none is). */
async function activeOptionText(box: Locator): Promise<string> {
  const id = await box.getAttribute('aria-activedescendant');
  if (!id) return '';
  return (await box.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

test.describe('Pickers typed to find', () => {
  test('with the Office of the Historian records loaded, a visit and a note are made with the keyboard only', async ({ page }) => {
    test.setTimeout(360_000);
    await importBundled(page);

    // The New visit shortcut lands in the first field.
    await page.goto('./#/visits');
    await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible();
    await page.keyboard.press('Control+Alt+N');
    await expect(page.getByRole('heading', { level: 1, name: 'New visit' })).toBeVisible();
    const form = page.locator('form.visit-form');
    const traveller = form.getByRole('combobox', { name: 'Traveller' });
    await expect(traveller).toBeFocused();
    await expect(traveller).toHaveAttribute('aria-expanded', 'false');

    // One letter matches hundreds of people: 50 are listed, with how many more.
    await page.keyboard.type('a');
    await expect(traveller).toHaveAttribute('aria-expanded', 'true');
    const travellerOptions = await optionsOf(traveller);
    await expect(travellerOptions).toHaveCount(50);
    await expect(form.getByText(/^[\d,]+ more match: keep typing to narrow\.$/)).toBeVisible();

    // Typing narrows; the first match is highlighted; Down and Up move; Enter chooses.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('churchill');
    await expect(travellerOptions.first()).toContainText('Churchill');
    const churchill = (await travellerOptions.first().locator('.combobox-label').textContent())!;
    // Polled: the highlight follows the keystroke once the popup has re-rendered.
    await expect.poll(() => activeOptionText(traveller)).toContain(churchill);
    await page.keyboard.press('Enter');
    await expect(traveller).toHaveValue(churchill);
    await expect(traveller).toHaveAttribute('aria-expanded', 'false');

    // Host country: "united k" finds the United Kingdom; Down, Up, Enter.
    const country = form.getByRole('combobox', { name: 'Host country' });
    await tabTo(page, country);
    await page.keyboard.type('united k');
    const countryOptions = await optionsOf(country);
    await expect(countryOptions.first()).toContainText('United Kingdom');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => activeOptionText(country))
      .toContain('United Kingdom')
      .catch(async (e: unknown) => {
        // Once seen in CI (not reproduced since): say where the keyboard and the list were.
        throw new Error(`${e instanceof Error ? e.message : String(e)}\nthen: ${await comboState(country)}`);
      });
    await page.keyboard.press('Enter');
    await expect(country).toHaveValue('United Kingdom');
    // Escape on a closed list keeps the choice.
    await page.keyboard.press('Escape');
    await expect(country).toHaveValue('United Kingdom');

    await tabTo(page, form.getByLabel('City'));
    await page.keyboard.type('London');
    await tabTo(page, form.getByRole('textbox', { name: 'Start' }));
    await page.keyboard.type('1958-03-02');

    // People met: two added by typing and Enter, the last taken back with Backspace, Escape closes.
    const hosts = form.getByRole('combobox', { name: 'People met / hosts' });
    await tabTo(page, hosts, 20);
    await page.keyboard.type('khamenei');
    await expect((await optionsOf(hosts)).first()).toContainText('Ali Khamenei');
    await page.keyboard.press('Enter');
    await expect(form.getByRole('button', { name: 'Remove Ali Khamenei' })).toBeVisible();
    await expect(hosts).toHaveValue('');
    await page.keyboard.type('salman');
    const salmanOption = (await optionsOf(hosts)).first();
    await expect(salmanOption).toContainText('Salman');
    const salman = (await salmanOption.locator('.combobox-label').textContent())!;
    await page.keyboard.press('Enter');
    await expect(form.getByRole('button', { name: `Remove ${salman}` })).toBeVisible();
    await page.keyboard.press('Backspace');
    await expect(form.getByRole('button', { name: `Remove ${salman}` })).toHaveCount(0);
    await expect(form.getByRole('button', { name: 'Remove Ali Khamenei' })).toBeVisible();
    await page.keyboard.type('trump');
    await expect(hosts).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(hosts).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Escape');
    await expect(hosts).toHaveValue('');
    // The traveller is never offered as a host.
    await page.keyboard.type(churchill);
    await expect(page.getByText(`Nothing matches “${churchill}”.`)).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Visit saved')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${churchill} → United Kingdom`);
    await expect(page.getByRole('main')).toContainText('Ali Khamenei');
    const visitUrl = page.url();

    // A note attached to that visit through its combobox, among every visit and person.
    await page.goto('./#/notes');
    await page.getByRole('button', { name: 'New note' }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Note (Markdown)' });
    await expect(editor).toBeVisible();
    const attached = page.getByRole('combobox', { name: 'Attached to' });
    await tabTo(page, attached, 40);
    await page.keyboard.type(`${churchill} united kingdom 1958`);
    const attachOptions = await optionsOf(attached);
    await expect(attachOptions.first()).toContainText(`${churchill} → United Kingdom (London), 2 March 1958`);
    await page.keyboard.press('Enter');
    await expect(page.getByText('Note attached')).toBeVisible();
    await expect(attached).toHaveValue(`${churchill} → United Kingdom (London), 2 March 1958`);
    await tabTo(page, editor);
    await page.keyboard.type('London talks, March 1958');
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    await page.goto(visitUrl);
    await expect(page.getByRole('main')).toContainText('London talks, March 1958');
  });

  test('saving a visit that is already recorded warns first, and “Open the existing visit” goes there', async ({ page }) => {
    await page.goto('./#/visits');
    await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible();
    await page.keyboard.press('Control+Alt+N');
    const form = page.locator('form.visit-form');
    const traveller = form.getByRole('combobox', { name: 'Traveller' });
    await expect(traveller).toBeFocused();
    await page.keyboard.type('kadhimi');
    await page.keyboard.press('Enter');
    await expect(traveller).toHaveValue('Mustafa al-Kadhemi');
    await tabTo(page, form.getByRole('combobox', { name: 'Host country' }));
    await page.keyboard.type('iran');
    await page.keyboard.press('Enter');
    await tabTo(page, form.getByRole('textbox', { name: 'Start' }));
    // July 2020 covers the seeded Tehran visit of 21 July.
    await page.keyboard.type('2020-07');
    await page.keyboard.press('Control+Enter');

    const warning = page.getByRole('dialog', { name: 'This visit may already be recorded' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('link', { name: 'Mustafa al-Kadhemi → Iran (Tehran), 21 July 2020' })).toBeVisible();
    await expect(warning).toContainText('Nothing has been saved yet.');
    // Keep editing: the form is as typed, nothing saved.
    await warning.getByRole('button', { name: 'Keep editing' }).click();
    await expect(warning).toBeHidden();
    await expect(form.getByRole('textbox', { name: 'Start' })).toHaveValue('2020-07');

    await page.keyboard.press('Control+Enter');
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('button', { name: 'Open the existing visit' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/visits/${SEED.tehranVisit}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Tehran');
    await page.goto('./#/visits');
    await expect(page.getByText(/^3 visits/)).toBeVisible();
  });

  test('the Host country filter, an article’s dateline country and a status change’s source are chosen with the keyboard only', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // The Visits list's Host country: the countries with visits; typed to find, Enter chooses, kept in the address.
    await page.goto('./#/visits');
    const filterCountry = page.getByRole('combobox', { name: 'Host country' });
    await tabTo(page, filterCountry, 40);
    await page.keyboard.type('sa');
    await expect((await optionsOf(filterCountry)).first()).toContainText('Saudi Arabia');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/country=SA/);
    await new VisitsList(page).expectCount(1);
    await page.reload();
    await expect(filterCountry).toHaveValue('Saudi Arabia');
    // "Any country" takes the filter off.
    await tabTo(page, filterCountry, 40);
    await page.keyboard.type('any');
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/country=/);
    await expect(filterCountry).toHaveValue('Any country');

    // The article's dateline country, found by its name, its codes or its other names; the reader shows it after saving.
    await page.goto(`./#/sources/${SEED.article}`);
    await page.getByRole('button', { name: 'Edit details' }).focus();
    await page.keyboard.press('Enter');
    const dateline = page.getByRole('combobox', { name: 'Dateline country' });
    await tabTo(page, dateline, 20);
    await expect(dateline).toHaveValue('Iran');
    await page.keyboard.type('irn');
    await expect((await optionsOf(dateline)).first()).toContainText('Iran');
    // A name nothing has: said so, and Escape puts the chosen country back.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Atlantis');
    await expect(page.getByText('Nothing matches “Atlantis”.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dateline).toHaveValue('Iran');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('IQ');
    await expect((await optionsOf(dateline)).first()).toContainText('Iraq');
    await page.keyboard.press('Enter');
    await expect(dateline).toHaveValue('Iraq');
    await page.getByRole('button', { name: 'Save details' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Iraq');

    // A status change's source, found by part of its title.
    await page.goto(`./#/visits/${SEED.washingtonVisit}`);
    await page.getByRole('button', { name: 'Change status' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Change status' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Reason').fill('Talks delayed');
    const source = dialog.getByRole('combobox', { name: 'Source' });
    await expect(source).toHaveValue('No source');
    await tabTo(page, source, 10);
    await page.keyboard.type('iraqi pm');
    const sourceOptions = await optionsOf(source);
    await expect(sourceOptions).toHaveCount(1);
    await expect(sourceOptions.first()).toContainText('Khamenei tells visiting Iraqi PM Kadhemi');
    await page.keyboard.press('Enter');
    await expect(source).toHaveValue(/^Khamenei tells visiting Iraqi PM Kadhemi/);
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: /^Khamenei tells visiting Iraqi PM Kadhemi/ }).first()).toBeVisible();
  });

  test('a list that moves out from under a resting mouse pointer leaves the highlight to the keyboard', async ({ page }) => {
    await page.goto('./#/visits/new');
    const country = page.locator('form.visit-form').getByRole('combobox', { name: 'Host country' });
    await country.focus();
    await page.keyboard.type('united k');
    const option = page.locator(`[id="${await country.getAttribute('aria-controls')}"] [role=option]`);
    await expect(option).toHaveCount(1);
    // The mouse is left over the list; then only keys are used.
    const at = (await option.boundingBox())!;
    await page.mouse.move(at.x + 10, at.y + at.height / 2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => activeOptionText(country)).toContain('United Kingdom');
    // Something above grows (a notice, a toast): the list moves, the pointer does not, and the browser
    // says the mouse left the list. Enter must still choose what the keyboard highlighted.
    await page.evaluate(() => {
      const pad = document.createElement('div');
      pad.style.height = '240px';
      document.querySelector('main')!.prepend(pad);
    });
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await expect(country).toHaveValue('United Kingdom');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the visit form with an open combobox passes axe (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./#/visits/new');
      const form = page.locator('form.visit-form');
      const traveller = form.getByRole('combobox', { name: 'Traveller' });
      await expect(traveller).toBeFocused();
      await page.keyboard.type('a');
      await expect(traveller).toHaveAttribute('aria-expanded', 'true');
      const hosts = form.getByRole('combobox', { name: 'People met / hosts' });
      await hosts.focus();
      await page.keyboard.type('khamenei');
      await page.keyboard.press('Enter');
      await page.keyboard.type('s');
      await expect(hosts).toHaveAttribute('aria-expanded', 'true');
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    });
  }
});
