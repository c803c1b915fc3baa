// The Chromium the end-to-end tests and the benchmark drive, found the way users have one.
// Imported by scripts/test.mjs (plain Node, hence .mjs; types in find-chromium.d.mts),
// tests/e2e/support/fixtures.ts, scripts/bench/run.ts and playwright.config.ts.
//
// Order: LEGATION_CHROMIUM; the browser `npx playwright install chromium` put in Playwright's
// cache; /usr/bin/chromium (Debian's package); google-chrome, google-chrome-stable,
// chromium-browser, chromium on the PATH. Nothing is downloaded or launched here: files only.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix, win32 } from 'node:path';

/** Names looked up on the PATH, in this order. */
export const PATH_NAMES = ['google-chrome', 'google-chrome-stable', 'chromium-browser', 'chromium'];
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** What to install, per system; shown whenever no browser is found. */
export const CHROMIUM_INSTALL_HINT = [
  'Install one:',
  '  Debian/Ubuntu:  sudo apt-get install chromium',
  '  Fedora:         sudo dnf install chromium',
  '  macOS:          brew install --cask chromium   (or: npx playwright install chromium)',
  '  Windows:        npx playwright install chromium',
  'or set LEGATION_CHROMIUM to the path of a Chromium or Chrome executable.',
].join('\n');

/** A regular file (a directory named `chromium` on the PATH is not a browser). */
function isFile(filePath) {
  try {
    return existsSync(filePath) && statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/** Where Playwright's own Chromium would be; null when Playwright knows none for this system. */
function playwrightChromium() {
  try {
    // Loaded only when asked (and the same copy @playwright/test runs): its registry knows the
    // folder and revision `npx playwright install chromium` uses on this system.
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * @param {import('./find-chromium.d.mts').FindChromiumDeps} [deps]
 * @returns {import('./find-chromium.d.mts').ChromiumSearch}
 */
export function findChromium(deps = {}) {
  const env = deps.env ?? process.env;
  const exists = deps.exists ?? isFile;
  const platform = deps.platform ?? process.platform;
  const pathApi = platform === 'win32' ? win32 : posix;
  const playwright = (deps.playwrightExecutable ?? playwrightChromium)();

  const fromEnv = env.LEGATION_CHROMIUM;
  if (fromEnv) {
    // Asked for by name: a wrong path is a mistake to report, not a reason to pick another browser.
    if (exists(fromEnv)) return { ok: true, path: fromEnv, source: 'LEGATION_CHROMIUM' };
    return { ok: false, message: `LEGATION_CHROMIUM is set to ${fromEnv}, which is not a file.\n${CHROMIUM_INSTALL_HINT}` };
  }
  if (playwright && exists(playwright)) return { ok: true, path: playwright, source: 'playwright' };
  if (platform !== 'win32' && exists(DEBIAN_CHROMIUM)) return { ok: true, path: DEBIAN_CHROMIUM, source: DEBIAN_CHROMIUM };

  const dirs = (env.PATH ?? env.Path ?? '').split(pathApi.delimiter).filter((dir) => dir !== '');
  const suffixes = platform === 'win32' ? ['.exe'] : [''];
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = pathApi.join(dir, name + suffix);
        if (exists(candidate)) return { ok: true, path: candidate, source: 'PATH' };
      }
    }
  }

  const looked = [
    'LEGATION_CHROMIUM (not set)',
    `Playwright's browser${playwright ? ` (${playwright})` : ''}`,
    ...(platform === 'win32' ? [] : [DEBIAN_CHROMIUM]),
    `${PATH_NAMES.join(', ')} on the PATH`,
  ];
  return {
    ok: false,
    message: `No Chromium found for the end-to-end tests. Looked for: ${looked.join('; ')}.\n${CHROMIUM_INSTALL_HINT}`,
  };
}

/**
 * The browser's path, or an Error whose message says what to install (for callers that cannot
 * go on without one: the e2e fixtures, the benchmark).
 *
 * @param {import('./find-chromium.d.mts').FindChromiumDeps} [deps]
 * @returns {string}
 */
export function chromiumPath(deps) {
  const found = findChromium(deps);
  if (!found.ok) throw new Error(found.message);
  return found.path;
}
