import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * End-to-end tests drive the Chromium a user has, found by scripts/find-chromium.mjs (in order:
 * LEGATION_CHROMIUM, `npx playwright install chromium`, /usr/bin/chromium, google-chrome or
 * chromium on the PATH), on the built renderer (`npm run build` first), served by `vite preview`.
 * Each test gets a fresh Chromium profile (see tests/e2e/support/fixtures.ts, which launches it).
 */
export const E2E_PORT = Number(process.env.LEGATION_E2E_PORT ?? 4319);
/** Which build to serve (absolute path); parallel work may build elsewhere. */
const RENDERER_DIR = resolve(process.env.LEGATION_RENDERER_DIR ?? 'dist/renderer');

export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    // Tracing every test costs ~15% of the end-to-end time; CI prints each failure's error context
    // (the page's accessibility snapshot) instead, and a local run keeps the trace of a failure.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // Contexts Playwright creates follow TZ (scripts/test.mjs runs in Pacific/Kiritimati and
    // America/Los_Angeles); the fixtures' own Chromium takes TZ from the environment.
    ...(process.env.TZ ? { timezoneId: process.env.TZ } : {}),
  },
  projects: [
    // The 100,000-visit list test takes ~3 minutes: as its own project, listed first, it starts at
    // once in one worker while the other works through the rest (last, it left a worker idle).
    { name: 'chromium-100k', testDir: 'tests/e2e', testMatch: /visits-list-scale\.spec\.ts$/ },
    { name: 'chromium', testDir: 'tests/e2e', testIgnore: /visits-list-scale\.spec\.ts$/ },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  webServer: {
    command: `npx vite preview --outDir ${RENDERER_DIR} --port ${E2E_PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
