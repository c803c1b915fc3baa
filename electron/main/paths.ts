import path from 'node:path';
import { APP_NAME, USER_DATA_ENV } from './app-identity';

/**
 * Where the profile (IndexedDB, window state, Chromium caches) lives.
 *
 * By default: `<appData>/Legation`, set explicitly rather than left to Electron's default, which
 * derives the folder from package.json's `productName`/`name` — a field someone may rename
 * without knowing it would orphan every user's data.
 *
 * Tests (and portable setups) pass `--user-data-dir=<dir>` or set `LEGATION_USER_DATA`, so every
 * run gets a fresh profile. The command line wins over the environment because it is the more
 * specific of the two. Relative paths are resolved against `cwd` so the folder does not depend on
 * where the app happens to be started from later.
 */
export function resolveUserDataDir(input: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  appDataDir: string;
  cwd: string;
}): string {
  const fromArgs = lastFlagValue(input.argv, '--user-data-dir');
  const fromEnv = input.env[USER_DATA_ENV]?.trim();
  const override = fromArgs ?? (fromEnv ? fromEnv : undefined);
  if (override !== undefined) return path.resolve(input.cwd, override);
  return path.join(input.appDataDir, APP_NAME);
}

/** Value of `--flag=value` (the last one wins, as with Chromium switches); empty values are ignored. */
function lastFlagValue(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  const prefix = `${flag}=`;
  for (const arg of argv) {
    if (arg.startsWith(prefix)) {
      const candidate = arg.slice(prefix.length).trim();
      if (candidate !== '') value = candidate;
    }
  }
  return value;
}
