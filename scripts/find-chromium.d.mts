/** Types of find-chromium.mjs (plain JavaScript so that scripts/test.mjs runs it without tsx). */

export interface FindChromiumDeps {
  /** Defaults to process.env (LEGATION_CHROMIUM, PATH). */
  env?: Record<string, string | undefined>;
  /** True for an existing regular file. */
  exists?: (filePath: string) => boolean;
  /** Decides the PATH separator (':' or ';') and whether names end in .exe. */
  platform?: NodeJS.Platform;
  /** Where `npx playwright install chromium` puts Chromium; null when Playwright has none for this system. */
  playwrightExecutable?: () => string | null;
}

export type ChromiumSource = 'LEGATION_CHROMIUM' | 'playwright' | '/usr/bin/chromium' | 'PATH';

export type ChromiumSearch = { ok: true; path: string; source: ChromiumSource } | { ok: false; message: string };

export const PATH_NAMES: readonly string[];
export const DEBIAN_CHROMIUM: string;
export const CHROMIUM_INSTALL_HINT: string;
export function findChromium(deps?: FindChromiumDeps): ChromiumSearch;
export function chromiumPath(deps?: FindChromiumDeps): string;
