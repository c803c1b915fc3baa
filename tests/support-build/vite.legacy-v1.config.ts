import { mergeConfig, type Plugin, type UserConfig } from 'vite';
import base from '../../vite.config';

/**
 * An "old app" for the upgrade tests (tests/e2e/upgrade.spec.ts): the renderer built as it was
 * before schema version 2, i.e. the same code with `this.version(2)…` cut out of
 * renderer/db/database.ts and SCHEMA_VERSION set to 1. Built into a sub-folder of the test build
 * so that it is served from the same origin (same IndexedDB) as the new app:
 *
 *   npx vite build --config tests/support-build/vite.legacy-v1.config.ts --outDir ../dist/renderer/legacy-v1
 *
 * (outDir is relative to renderer/, the config's root). The cut is checked: if database.ts no
 * longer has the shape this expects, the build fails instead of producing a wrong old app.
 */
function schemaVersion1(): Plugin {
  return {
    name: 'legation-schema-v1',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/renderer/db/database.ts')) return null;
      const start = code.indexOf('    this.version(2)');
      const end = code.indexOf('    this.use(visitIndexKeys);');
      const version = /export const SCHEMA_VERSION = \d+;/;
      if (start < 0 || end < start || !version.test(code)) {
        throw new Error('legation-schema-v1: renderer/db/database.ts changed shape; update tests/support-build/vite.legacy-v1.config.ts');
      }
      return { code: (code.slice(0, start) + code.slice(end)).replace(version, 'export const SCHEMA_VERSION = 1;'), map: null };
    },
  };
}

const legacy: UserConfig = { plugins: [schemaVersion1()], build: { sourcemap: false, emptyOutDir: true } };
export default mergeConfig(base, legacy);
