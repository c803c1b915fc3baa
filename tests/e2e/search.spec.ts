import { test, expect } from './support/fixtures';
import { SearchPage } from './support/search-page';
import { VisitForm, VisitsList } from './support/visits-page';

const TEHRAN = 'Mustafa al-Kadhemi → Iran, Tehran';
const SAUDI = 'Mustafa al-Kadhemi → Saudi Arabia';
const WASHINGTON = 'Mustafa al-Kadhemi → United States, Washington';

test('finds "Kadhimi" and "Kadhemi" alike, the Tehran visit among them; arrow keys and Enter open a result', async ({ page }) => {
  const search = new SearchPage(page);
  await search.open();
  await expect(search.box).toBeFocused();
  await expect(search.box).toHaveAttribute('data-search-box', '');
  await expect(page.getByRole('heading', { name: 'Search visits, people, sources, notes and events' })).toBeVisible();

  await search.search('Kadhimi');
  await expect(search.results.getByRole('link', { name: `Visit ${TEHRAN}` })).toBeVisible();
  const kadhimi = await search.titles();
  expect(kadhimi).toEqual(
    expect.arrayContaining([`Person Mustafa al-Kadhemi`, `Visit ${TEHRAN}`, `Visit ${SAUDI}`, `Visit ${WASHINGTON}`]),
  );
  // The matched words are marked.
  await expect(search.results.locator('mark').first()).toBeVisible();

  await search.search('Kadhemi');
  await expect(search.results.getByRole('link', { name: `Visit ${TEHRAN}` })).toBeVisible();
  expect((await search.titles()).sort()).toEqual([...kadhimi].sort());

  // A typo the seed has no alias for still finds him.
  await search.search('Kadhami Tehran');
  const tehran = search.results.getByRole('link', { name: `Visit ${TEHRAN}` });
  await expect(tehran).toBeVisible();
  // The near spelling it found is marked, as is the word typed.
  await expect(tehran.locator('mark')).toHaveText(['Kadhemi', 'Tehran']);

  await search.search('Kadhimi');
  await search.box.press('ArrowDown');
  await expect(search.resultLinks.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(search.resultLinks.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search.box).toBeFocused();
  await search.box.press('ArrowDown');
  const first = (await search.resultLinks.first().getAttribute('href')) ?? '';
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

test('a facet narrows the results: status "postponed" leaves the Saudi visit; back restores them', async ({ page }) => {
  test.slow(); // many round trips through the URL and the worker on a busy machine
  const search = new SearchPage(page);
  await search.open('Kadhimi');
  await expect(search.box).toHaveValue('Kadhimi');
  await expect(search.results.getByRole('link', { name: `Visit ${TEHRAN}` })).toBeVisible();
  await expect(search.facet('Status', /Postponed 1/)).toBeVisible();
  await expect(search.facet('Type', /Visits 3/)).toBeVisible();

  await search.facet('Status', /Postponed/).click();
  await expect(search.facet('Status', /Postponed/)).toBeChecked();
  await expect(page).toHaveURL(/status=postponed/);
  await expect(search.resultLinks).toHaveCount(1);
  await expect(search.resultLinks.first()).toHaveAccessibleName(`Visit ${SAUDI}`);
  // Other statuses are still offered, with the count they would add.
  await expect(search.facet('Status', /Completed 1/)).toBeVisible();

  await expect(search.facet('Host country', /Saudi Arabia 1/)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(search.results.getByRole('link', { name: /^Visit / })).toHaveCount(3);

  await page.goBack();
  await expect(search.resultLinks).toHaveCount(1);
  await expect(search.facet('Status', /Postponed/)).toBeChecked();
});

test('an edited purpose is found at once; after a relaunch the index is loaded from disk, not rebuilt', async ({ page, profile }) => {
  test.slow(); // two browser launches
  const search = new SearchPage(page);
  await search.open();
  await search.expectIndexSource('rebuilt');

  const list = new VisitsList(page);
  await list.goto();
  await list.open(TEHRAN);
  await page.getByRole('link', { name: 'Edit' }).click();
  const form = new VisitForm(page);
  await form.form.getByLabel('Purpose').fill('Talks on pomegranate diplomacy');
  await form.form.getByLabel('Purpose').press('Control+Enter');
  await expect(page.getByText('Visit saved')).toBeVisible();

  await search.open('pomegranate');
  await expect(search.resultLinks).toHaveCount(1);
  await expect(search.resultLinks.first()).toHaveAccessibleName(`Visit ${TEHRAN}`);
  await expect(search.results.locator('mark', { hasText: 'pomegranate' })).toBeVisible();

  const again = await profile.relaunch('/search?q=pomegranate');
  const reopened = new SearchPage(again);
  await reopened.expectIndexSource('persisted');
  await expect(reopened.resultLinks).toHaveCount(1);
  await expect(reopened.resultLinks.first()).toHaveAccessibleName(`Visit ${TEHRAN}`);
});

test('screenshots in light and dark (to LEGATION_SHOTS_DIR, else the test output folder)', async ({ page }, testInfo) => {
  const SHOTS = process.env.LEGATION_SHOTS_DIR ?? testInfo.outputDir;
  const search = new SearchPage(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await search.open();
    await page.screenshot({ path: `${SHOTS}/search-empty-${scheme}.png` });
    await search.search('Kadhimi');
    await expect(search.results.getByRole('link', { name: `Visit ${TEHRAN}` })).toBeVisible();
    await search.box.press('ArrowDown');
    await page.screenshot({ path: `${SHOTS}/search-results-${scheme}.png` });
    await search.search('Kadhimi Zanzibar');
    await expect(page.getByRole('heading', { name: 'No matches for “Kadhimi Zanzibar”' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/search-none-${scheme}.png` });
  }
});
