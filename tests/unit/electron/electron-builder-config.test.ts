import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const section = (name: string) => (config[name] ?? {}) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('identifies the app (never to change after release)', () => {
    expect(config.appId).toBe('org.legation.app');
    expect(config.productName).toBe('Legation');
    expect(section('directories').output).toBe('release');
  });

  it('packages only the bundles, in an asar archive', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    expect(files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['dist/**', 'package.json']);
    // The schema-1 build that `npm test` puts in dist/renderer/legacy-v1 is test-only.
    expect(files).toContain('!dist/renderer/legacy-v1/**');
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses fuse names electron-builder knows', () => {
    const types = readFileSync(path.join(root, 'node_modules/app-builder-lib/out/configuration.d.ts'), 'utf8');
    const fuseBlock = /export interface FuseOptionsV1 \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? '';
    for (const key of Object.keys(section('electronFuses'))) expect(fuseBlock).toContain(`${key}?: boolean;`);
  });

  it('builds AppImage + deb, NSIS and dmg with the icon', () => {
    const linux = section('linux');
    expect(linux.target).toEqual(['AppImage', 'deb']);
    expect(linux.category).toBe('Office');
    expect(linux.maintainer).toEqual(expect.any(String));
    expect(section('win').target).toEqual(['nsis']);
    expect(section('mac').target).toEqual(['dmg']);
    for (const platform of ['linux', 'win', 'mac']) expect(section(platform).icon).toBe('assets/icon.png');
  });

  it('ships a 512×512 PNG icon and its SVG source', () => {
    const png = readFileSync(path.join(root, 'assets/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height are the first two big-endian uint32 after the chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync(path.join(root, 'assets/icon.svg'), 'utf8')).toContain('<svg');
  });

  it('points package.json main at the bundled main process', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});
