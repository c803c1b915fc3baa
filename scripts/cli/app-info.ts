import { readFileSync } from 'node:fs';

/** The app name and version written into backups made by the command line. */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '';
  } catch {
    return '';
  }
}

export const APP_INFO = { name: 'Legation', version: version() };
