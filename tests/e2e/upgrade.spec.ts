import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { VisitsList } from './support/visits-page';
import { SCHEMA_VERSION } from '../../renderer/db/database';

/** The version IndexedDB reports for this build's schema (Dexie stores its version × 10). */
const CURRENT = SCHEMA_VERSION * 10;

/**
 * Schema upgrades with several windows, and downgrades. The "old app" is the renderer built with
 * schema version 1 only (tests/support-build/vite.legacy-v1.config.ts) into legacy-v1/ inside the
 * served build, so both apps share one origin and one IndexedDB, as two app versions on one
 * profile do. `node scripts/test.mjs` builds it; by hand:
 *   npx vite build --config tests/support-build/vite.legacy-v1.config.ts --outDir <build dir>/legacy-v1
 */
const RENDERER_DIR = resolve(process.env.LEGATION_RENDERER_DIR ?? 'dist/renderer');
const LEGACY = './legacy-v1/';
const hasLegacy = existsSync(resolve(RENDERER_DIR, 'legacy-v1/index.html'));

/** The IndexedDB version on disk (Dexie stores schema version n as n × 10) and the number of stored visits. */
async function onDisk(page: Page): Promise<{ version: number; visits: number }> {
  return page.evaluate(async () => {
    const info = (await indexedDB.databases()).find((d) => d.name === 'legation');
    const visits = await new Promise<number>((res, rej) => {
      const open = indexedDB.open('legation');
      open.onsuccess = () => {
        const req = open.result.transaction('visits').objectStore('visits').count();
        req.onsuccess = () => {
          open.result.close();
          res(req.result);
        };
        req.onerror = () => rej(req.error ?? new Error('IndexedDB request failed'));
      };
      open.onerror = () => rej(open.error ?? new Error('IndexedDB request failed'));
    });
    return { version: info?.version ?? 0, visits };
  });
}

test.describe('Schema upgrade and downgrade', () => {
  test.skip(!hasLegacy, `No legacy (schema 1) build in ${RENDERER_DIR}/legacy-v1: build it as the file comment says.`);
  test.setTimeout(90_000);

  test('an old window (schema 1) is told to reload when a new one upgrades to 2; nothing is lost, nobody hangs; the old app then refuses the newer database', async ({
    profile,
  }) => {
    const context = await profile.launch();
    const old = await context.newPage();
    // The old app on a screen that needs no index of version 2 (today's Visits list uses them), on a
    // new profile: it creates and seeds a version-1 database.
    await old.goto(`${LEGACY}#/settings`);
    await expect(old.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect.poll(() => onDisk(old)).toEqual({ version: 10, visits: 3 });

    // A new window with the new app: it upgrades the database without waiting on the old one.
    const fresh = await context.newPage();
    await fresh.goto('./#/visits');
    await fresh.getByRole('navigation', { name: 'Main' }).waitFor();
    const freshList = new VisitsList(fresh);
    await freshList.expectCount(3);
    await expect(freshList.row(/Mustafa al-Kadhemi → Iran/)).toHaveCount(1);
    expect(await onDisk(fresh)).toEqual({ version: CURRENT, visits: 3 });

    // The old window was told, and closed its connection (else the upgrade would have waited).
    const banner = old.getByRole('alert').filter({ has: old.getByRole('heading', { name: 'Legation was updated in another window' }) });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('everything saved is kept');

    // Reloading the old app: it refuses the newer database with a message and writes nothing.
    await banner.getByRole('button', { name: 'Reload' }).click();
    const refused = old.getByRole('alert').filter({ has: old.getByRole('heading', { name: 'Legation cannot open its data' }) });
    await expect(refused).toContainText('written by a newer version of Legation');
    await expect(refused).toContainText('nothing was changed');
    expect(await onDisk(old)).toEqual({ version: CURRENT, visits: 3 });

    // The new window still works (it was not closed by the old one), and a reload into the new app shows everything.
    await freshList.goto();
    await freshList.expectCount(3);
    await old.goto('./#/visits');
    await old.getByRole('navigation', { name: 'Main' }).waitFor();
    await new VisitsList(old).expectCount(3);
  });

  test('a new window waits for a connection that does not close on the upgrade, then opens as soon as it closes', async ({ profile }) => {
    const context = await profile.launch();
    const old = await context.newPage();
    await old.goto(`${LEGACY}#/settings`);
    await expect(old.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect.poll(() => onDisk(old)).toEqual({ version: 10, visits: 3 });
    // A version-1 connection that ignores "versionchange" (as a build without the handler would).
    await old.evaluate(
      () =>
        new Promise<void>((res, rej) => {
          const open = indexedDB.open('legation');
          open.onsuccess = () => {
            (window as unknown as { __stubborn: IDBDatabase }).__stubborn = open.result;
            res();
          };
          open.onerror = () => rej(open.error ?? new Error('IndexedDB request failed'));
        }),
    );
    const fresh = await context.newPage();
    await fresh.goto('./#/visits');
    await expect(fresh.getByText('Waiting for other Legation windows to close their older version of the database…')).toBeVisible();
    // The old app's own connection closed as asked; only the stubborn one holds the upgrade.
    await expect(old.getByRole('heading', { name: 'Legation was updated in another window' })).toBeVisible();
    await old.evaluate(() => (window as unknown as { __stubborn: IDBDatabase }).__stubborn.close());
    await fresh.getByRole('navigation', { name: 'Main' }).waitFor();
    await new VisitsList(fresh).expectCount(3);
    expect((await onDisk(fresh)).version).toBe(CURRENT);
  });
});
