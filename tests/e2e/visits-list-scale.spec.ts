import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBackup, serializeBackup } from '../../shared/backup/format';
import { createVisit, type FuzzyDate, type Person, type Visit, type VisitStatus } from '../../shared/model';
import { test, expect } from './support/fixtures';
import { choose } from './support/combobox';
import { SettingsPage } from './support/settings-page';
import { VisitsList } from './support/visits-page';

/**
 * The Visits list at 100,000 visits: a deterministic generated database is restored through
 * Settings → Restore (the same path a user takes), then the list must show the count, reach the
 * last row from the keyboard and open it, and keep status + country filters in history.
 */

const N = 100_000;
const PEOPLE = 500;
const COUNTRIES = ['US', 'GB', 'FR', 'DE', 'IQ', 'IR', 'SA', 'JP', 'CN', 'IN', 'BR', 'EG', 'TR', 'RU', 'CA', 'MX', 'IT', 'ES', 'PL', 'KE'];
const STATUSES: VisitStatus[] = ['completed', 'completed', 'completed', 'planned', 'postponed', 'cancelled', 'underway'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid v4-shaped UUID from a number, so ids are deterministic. */
function uuid(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fuzzy(r: () => number): FuzzyDate | null {
  if (r() < 0.01) return null;
  const y = 1900 + Math.floor(r() * 126);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const p = r();
  if (p < 0.8) return { precision: 'day', from: day, to: day };
  if (p < 0.92) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { precision: 'month', from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` };
  }
  return { precision: 'year', from: `${y}-01-01`, to: `${y}-12-31` };
}

interface Generated {
  text: string;
  people: Person[];
  visits: Visit[];
}

function generate(): Generated {
  const r = rng(20200722);
  const at = '2024-01-01T00:00:00.000Z';
  const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: uuid(1, i),
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    name: `Traveller ${String(i).padStart(3, '0')}`,
    aliases: [],
    roles: [],
    country: null,
    note: '',
  }));
  let n = 0;
  const clock = { newId: () => uuid(3, n++), now: () => at };
  const visits: Visit[] = [];
  for (let i = 0; i < N; i++) {
    const start = fuzzy(r);
    const visit = createVisit(
      {
        travellerId: people[Math.floor(r() * PEOPLE)]!.id,
        place: { country: COUNTRIES[Math.floor(r() * COUNTRIES.length)]!, city: `City ${i}`, lat: null, lon: null },
        kind: 'official',
        purpose: `Generated visit ${i}`,
        start,
        end: null,
        tags: [],
        hostIds: [],
        status: STATUSES[Math.floor(r() * STATUSES.length)]!,
      },
      clock,
      '2024-01-01',
    );
    visits.push({ ...visit, id: uuid(2, i) });
  }
  const text = serializeBackup(
    buildBackup(
      { people, sources: [], visits, meetings: [], events: [], evidence: [], notes: [] },
      { name: 'Legation', version: 'test' },
      at,
    ),
  );
  return { text, people, visits };
}

const SHOTS = process.env.LEGATION_SHOTS;

test('100,000 visits: the list counts them, reaches the last one from the keyboard and opens it; filters follow history', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const data = generate();
  const dir = await mkdtemp(join(tmpdir(), 'legation-100k-'));
  const file = join(dir, 'visits-100k.json');
  await writeFile(file, data.text);

  try {
    const settings = new SettingsPage(page);
    await settings.open();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore backup' }).click();
    await (await chooser).setFiles(file);
    await expect(settings.confirmDialog).toBeVisible({ timeout: 180_000 });
    await expect(settings.confirmDialog.getByRole('row', { name: /^Visits 100,?000$/ })).toBeVisible();
    await settings.confirmDialog.getByRole('button', { name: 'Replace all data' }).click();
    await expect(page.getByText(/Restored visits-100k\.json/)).toBeVisible({ timeout: 240_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const list = new VisitsList(page);
  await list.goto();
  await expect(list.count).toHaveText('100,000 visits', { timeout: 120_000 });
  // Virtualised: only the rows on screen are in the document.
  expect(await list.rows.count()).toBeLessThan(80);
  await expect(list.table).toHaveAttribute('aria-rowcount', String(N + 1));
  // Busy while the full id list is read; settled once it is in.
  await expect(list.table).not.toHaveAttribute('aria-busy', /.*/, { timeout: 60_000 });
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'visits-100k-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SHOTS, 'visits-100k-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  // Default order: newest start first; undated visits last, ties by id descending. So the last
  // row is the undated (or oldest) visit with the smallest id.
  const ordered = [...data.visits].sort((a, b) =>
    a.startKey < b.startKey ? -1 : a.startKey > b.startKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const last = ordered[0]!;
  const traveller = data.people.find((p) => p.id === last.travellerId)!;

  // Keyboard: focus the first row's link, End goes to the last row (scrolling the virtual list).
  const firstLink = list.rows.first().getByRole('link');
  await firstLink.focus();
  await expect(page.locator('tr[aria-rowindex="2"] a')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('tr[aria-rowindex="3"] a')).toBeFocused();
  await page.keyboard.press('End');
  const lastLink = page.locator(`tr[aria-rowindex="${N + 1}"] a`);
  await expect(lastLink).toBeFocused({ timeout: 120_000 });
  await expect(lastLink).toHaveAttribute('href', `#/visits/${last.id}`);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(`${traveller.name} → `);
  await expect(heading).toContainText(`, ${last.place.city}`);
  await expect(page.getByText(last.purpose)).toBeVisible();
  await page.goBack();
  await expect(list.count).toHaveText('100,000 visits', { timeout: 60_000 });

  // A fling: a thousand rows a frame for 60 frames, then it stops; the rows where it stopped load
  // (pages flown past are not read) and are the right ones.
  await page.locator('.visits-scroller').evaluate(async (el) => {
    el.scrollTop = 0;
    for (let f = 1; f <= 60; f++) {
      el.scrollTop = f * 1000 * 56;
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  const landed = page.locator('tr[data-index]').filter({ has: page.getByRole('link') });
  await expect(landed.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.visits-scroller .visit-placeholder')).toHaveCount(0, { timeout: 30_000 });
  const index = Number(await landed.first().getAttribute('data-index'));
  expect(index).toBeGreaterThan(59_000);
  expect(index).toBeLessThan(61_000);
  await expect(landed.first().getByRole('link')).toHaveAttribute('href', `#/visits/${ordered[N - 1 - index]!.id}`);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'visits-100k-after-fling.png') });

  // Status + country through the controls; each choice is a history entry.
  const live = data.visits;
  const nStatus = live.filter((v) => v.status === 'postponed').length;
  const nBoth = live.filter((v) => v.status === 'postponed' && v.place.country === 'FR').length;
  await list.status.selectOption('postponed');
  await expect(list.count).toHaveText(`${nStatus.toLocaleString('en-US')} visits match`, { timeout: 60_000 });
  await choose(list.country, 'France', 'fran');
  await expect(list.count).toHaveText(`${nBoth.toLocaleString('en-US')} visits match`, { timeout: 60_000 });
  await expect(page).toHaveURL(/status=postponed&country=FR/);
  await expect(list.rows.first().getByRole('cell').nth(2)).toHaveText('postponed');
  await expect(list.rows.first().getByRole('link')).toContainText('France');

  await page.goBack();
  await expect(list.country).toHaveValue('Any country');
  await expect(list.status).toHaveValue('postponed');
  await expect(list.count).toHaveText(`${nStatus.toLocaleString('en-US')} visits match`, { timeout: 60_000 });
  await page.goBack();
  await expect(list.status).toHaveValue('');
  await expect(list.count).toHaveText('100,000 visits', { timeout: 60_000 });
  await page.goForward();
  await page.goForward();
  await expect(list.country).toHaveValue('France');
  await expect(list.count).toHaveText(`${nBoth.toLocaleString('en-US')} visits match`, { timeout: 60_000 });
});

test('the seeded list (light and dark) and the empty states', async ({ page }) => {
  const list = new VisitsList(page);
  await list.expectCount(3);
  await expect(list.table).toHaveAttribute('aria-rowcount', '4');
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'visits-seed-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SHOTS, 'visits-seed-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  // Up/Down move focus between rows.
  await list.rows.first().getByRole('link').focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.rows.nth(1).getByRole('link')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(list.rows.nth(0).getByRole('link')).toBeFocused();

  await list.status.selectOption('underway');
  await expect(page.getByRole('heading', { name: 'No visits match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await list.expectCount(3);
});
