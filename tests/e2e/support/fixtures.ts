import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../../scripts/find-chromium.mjs';

/** The Chromium users have (scripts/find-chromium.mjs: LEGATION_CHROMIUM, Playwright's, Debian's, the PATH). */
export const CHROMIUM = chromiumPath();
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];

/**
 * A Chromium profile on disk (its own IndexedDB), which a test can close and launch again to check
 * that data survives a restart, or open in two pages at once.
 */
export class Profile {
  private context: BrowserContext | null = null;

  constructor(
    readonly dir: string,
    readonly baseURL: string,
  ) {}

  async launch(): Promise<BrowserContext> {
    if (this.context) return this.context;
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      baseURL: this.baseURL,
    });
    return this.context;
  }

  /** Opens a page at an app route such as '/visits' (hash routing) and waits for the app to be ready. */
  async open(route = '/visits'): Promise<Page> {
    const context = await this.launch();
    const blank = context.pages().find((p) => p.url() === 'about:blank');
    const page = blank ?? (await context.newPage());
    await page.goto(`./#${route}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return page;
  }

  /** Closes the browser (as a user quitting); the profile folder stays. */
  async close(): Promise<void> {
    await this.context?.close();
    this.context = null;
  }

  async relaunch(route = '/visits'): Promise<Page> {
    await this.close();
    return this.open(route);
  }
}

export const test = base.extend<{ profile: Profile }>({
  profile: async ({ baseURL }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'legation-profile-'));
    const profile = new Profile(dir, baseURL ?? 'http://127.0.0.1:4319/');
    await use(profile);
    await profile.close();
    await rm(dir, { recursive: true, force: true });
  },
  page: async ({ profile }, use) => {
    await use(await profile.open());
  },
});

export { expect } from '@playwright/test';
