import { expect, type Locator } from '@playwright/test';

/** The options a combobox's popup shows now (found through its aria-controls). */
export async function optionsOf(box: Locator): Promise<Locator> {
  const id = await box.getAttribute('aria-controls');
  return box.page().locator(`[id="${id}"]`).getByRole('option');
}

/**
 * Chooses an option as a user does with the keyboard: types (part of) its name, sees it first in
 * the list, presses Enter.
 */
export async function choose(box: Locator, label: string, typed: string = label): Promise<void> {
  await box.fill(typed);
  await expect((await optionsOf(box)).first()).toContainText(label);
  await box.press('Enter');
}
