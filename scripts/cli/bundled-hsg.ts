import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
// The bundle module alone (not the importers' index): Playwright's loader cannot import the gazetteer's JSON.
import { BUNDLED_HSG, parseHsgBundle } from '../../shared/importers/hsg/bundle';
import type { HsgInputFile } from '../../shared/importers/hsg/import';

/** The Office of the Historian data set shipped in the repository (public domain, CC0). */
export const BUNDLED_HSG_PATH = fileURLToPath(new URL(`../../assets/datasets/historyatstate/${BUNDLED_HSG.fileName}`, import.meta.url));

let cache: HsgInputFile[] | null = null;

/** Its XML files, by their paths in the data set ("visits/1950.xml"); `under` keeps one folder's. */
export function readBundledHsg(under = ''): HsgInputFile[] {
  cache ??= parseHsgBundle(gunzipSync(readFileSync(BUNDLED_HSG_PATH)).toString('utf8'));
  const prefix = under === '' || under.endsWith('/') ? under : `${under}/`;
  return cache.filter((f) => f.name.startsWith(prefix));
}

/**
 * The bundle unpacked as a folder of XML files, as a user who downloaded the data set has it (for
 * tests that pick files, and for `import-hsg DIR`). Written once per bundle content under the
 * system's temporary folder, atomically (a folder renamed into place), so parallel callers agree.
 */
export function bundledHsgFolder(): string {
  const bytes = readFileSync(BUNDLED_HSG_PATH);
  const dir = join(tmpdir(), `legation-hsg-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  const staging = `${dir}.${process.pid}.${Date.now()}`;
  for (const f of readBundledHsg()) {
    const path = join(staging, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
  writeFileSync(join(staging, '.complete'), '');
  try {
    renameSync(staging, dir);
  } catch (e) {
    // Another process put it in place first: theirs is the same content.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, '.complete'))) throw e;
  }
  return dir;
}
