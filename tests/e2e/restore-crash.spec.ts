import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { launchKillable, setFilesOverCdp } from './support/killable';
import { SettingsPage } from './support/settings-page';
import { VisitsList } from './support/visits-page';

/**
 * A restore cut off by a crash: the restore is one transaction, so the data stays as it was; the
 * next launch says so, once, naming the file. Big enough (generated visits) that the browser is
 * killed while the transaction still runs.
 */
const VISITS = 20_000;

test('the browser killed in the middle of a restore: at the next launch the app says the backup was not restored, and the data is as before', async ({
  profile,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'legation-restore-crash-'));
  try {
    const file = join(dir, 'big-backup.json');
    // The generator reads a JSON profile, which Playwright's loader cannot import: it runs as the benchmark runs it.
    execFileSync('node_modules/.bin/tsx', ['scripts/bench/generate-backup.ts', '--visits', String(VISITS), '--seed', '7', '--out', file]);
    const { browser, proc } = await launchKillable(profile.dir);
    const context = browser.contexts()[0]!;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseURL}#/settings`);
    const settings = new SettingsPage(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore backup' }).click();
    await chooser;
    // By path: Playwright would send the file's bytes through the protocol (tens of seconds for this size).
    await setFilesOverCdp(page, '[data-testid="bridge-file-input"]', [file]);
    await expect(settings.confirmDialog).toBeVisible({ timeout: 60_000 });
    await settings.confirmDialog.getByRole('button', { name: 'Replace all data' }).click();
    // The journal entry is committed and the restore's one transaction is writing: kill the browser now.
    await expect(settings.confirmDialog.getByRole('button', { name: 'Writing the backup…' })).toBeVisible({ timeout: 60_000 });
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
    await browser.close().catch(() => undefined);

    const after = await profile.open('/visits');
    const notice = after.getByRole('alert').filter({ has: after.getByRole('heading', { name: 'The backup was not restored' }) });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText('“big-backup.json”');
    await expect(notice).toContainText('your data is as it was before');
    await expect(new VisitsList(after).count).toHaveText(/^3 visits/);
    await expect(notice.getByRole('link', { name: 'Restore a backup…' })).toHaveAttribute('href', '#/settings?action=restore');

    // Said once: not again at the launch after.
    const again = await profile.relaunch('/visits');
    await expect(new VisitsList(again).count).toHaveText(/^3 visits/);
    await expect(again.getByRole('heading', { name: 'The backup was not restored' })).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
