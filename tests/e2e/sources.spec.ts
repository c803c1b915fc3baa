import { SEED_ARTICLE_TEXT } from '../../shared/seed/article';
import { SEED } from './support/seed-refs';
import { expect, test } from './support/fixtures';
import { SourcesPage } from './support/sources-page';

const postponedEvidence = SEED.saudiPostponedEvidence;

test.describe('Sources', () => {
  test('the seeded article reads in full with its evidence marked, and its publisher can be set', async ({ page }) => {
    const sources = new SourcesPage(page);
    await sources.open();
    const row = sources.table.getByRole('row').filter({ hasText: 'Khamenei tells visiting Iraqi PM' });
    await expect(row).toContainText('publisher unknown');
    await expect(row).toContainText('Tehran, Iran');
    await expect(row).toContainText('22 July 2020');
    await expect(row.getByRole('cell').last()).toHaveText(String(SEED.articleEvidenceCount));

    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /Khamenei tells visiting Iraqi PM/ })).toBeVisible();
    // The whole text, exactly (paragraphs kept), split into marks and plain pieces.
    // (Less the stored page's leading "date 2020-07-22" stamp, which is not article text.)
    expect(await sources.text.textContent()).toBe(SEED_ARTICLE_TEXT.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, ''));
    expect(await sources.marks.count()).toBeGreaterThan(5);
    await expect(sources.text).toHaveCSS('white-space', 'pre-wrap');
    await expect(sources.marks.filter({ hasText: 'The Saudi leg was' }).first()).toHaveAttribute('title', /status change · status/);
    await expect(sources.evidenceList.getByRole('listitem')).toHaveCount(SEED.articleEvidenceCount);
    await expect(sources.fact('Publisher')).toContainText('publisher unknown');

    await page.getByRole('button', { name: 'Add publisher' }).click();
    await page.getByLabel('Publisher', { exact: true }).fill('Reuters');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(sources.fact('Publisher')).toHaveText('Reuters');
    await page.reload();
    await expect(sources.fact('Publisher')).toHaveText('Reuters');
    await sources.open();
    await expect(sources.table).toContainText('Reuters');
  });

  test('a bad URL is refused next to the field and the typed details stay', async ({ page }) => {
    await page.goto(`./#/sources/${SEED.article}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Publisher', { exact: true }).fill('AFP');
    await page.getByLabel('URL', { exact: true }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByText('Use a web address starting with http:// or https://')).toBeVisible();
    await expect(page.getByLabel('Publisher', { exact: true })).toHaveValue('AFP');
  });

  test('?highlight= scrolls to the quoted span and focuses it', async ({ page }) => {
    const sources = new SourcesPage(page);
    await page.goto(`./#/sources/${SEED.article}?highlight=${postponedEvidence.id}`);
    const current = sources.text.locator('mark.evidence-current');
    await expect(current.first()).toBeVisible();
    expect((await current.allTextContents()).join('')).toBe(postponedEvidence.quote);
    await expect(current.first().locator('a, [tabindex]').first()).toBeFocused();
    await expect(current.first()).toBeInViewport();
  });

  test('an evidence mark opens the visit it supports', async ({ page }) => {
    const sources = new SourcesPage(page);
    await page.goto(`./#/sources/${SEED.article}`);
    await sources.marks.filter({ hasText: 'The Saudi leg was' }).first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#/visits/${SEED.saudiVisit}$`));
  });

  test('an article pasted by hand is kept as inert text', async ({ page }) => {
    const sources = new SourcesPage(page);
    await sources.open();
    await page.getByRole('button', { name: 'New source' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Pasted <b>article</b>');
    await page.getByLabel('Published on', { exact: true }).fill('2020-07-23');
    await page
      .getByLabel('Text', { exact: true })
      .fill('First paragraph <img src=x onerror="window.__xss=1">.\n\nSecond <script>window.__xss=1</script> paragraph.');
    await page.getByRole('button', { name: 'Save source' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pasted <b>article</b>' })).toBeVisible();
    await expect(sources.text).toContainText('<img src=x onerror="window.__xss=1">');
    await expect(sources.text.locator('img, script, b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });
});
