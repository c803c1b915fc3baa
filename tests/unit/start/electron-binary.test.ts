import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, type ElectronBinaryDeps } from '../../../scripts/start/electron-binary';

const ROOT = '/home/ana/legation';
const PACKAGE = path.join(ROOT, 'node_modules/electron');

/** A checkout holding exactly these files (path → text). */
function checkout(files: Record<string, string>, env: Record<string, string | undefined> = {}): ElectronBinaryDeps {
  return {
    root: ROOT,
    env,
    exists: (filePath) => filePath in files,
    readText: (filePath) => files[filePath] ?? null,
  };
}

describe('findElectronBinary: looks at files the way node_modules/electron/index.js does, without downloading', () => {
  it('finds dist/<path.txt> when Electron is installed', () => {
    const deps = checkout({ [path.join(PACKAGE, 'path.txt')]: 'electron', [path.join(PACKAGE, 'dist/electron')]: '' });
    expect(findElectronBinary(deps)).toBe(path.join(PACKAGE, 'dist/electron'));
  });

  it('reads the macOS layout from path.txt as it is written (trailing newline or not)', () => {
    const name = 'Electron.app/Contents/MacOS/Electron';
    const deps = checkout({ [path.join(PACKAGE, 'path.txt')]: `${name}\n`, [path.join(PACKAGE, 'dist', name)]: '' });
    expect(findElectronBinary(deps)).toBe(path.join(PACKAGE, 'dist', name));
  });

  it('is null when the download never happened (no path.txt: the state of this machine)', () => {
    expect(findElectronBinary(checkout({}))).toBeNull();
  });

  it('is null when path.txt names a binary that is not there (an interrupted download)', () => {
    expect(findElectronBinary(checkout({ [path.join(PACKAGE, 'path.txt')]: 'electron' }))).toBeNull();
    expect(findElectronBinary(checkout({ [path.join(PACKAGE, 'path.txt')]: '  \n' }))).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as Electron does', () => {
    const deps = checkout({ '/opt/electron/electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' });
    expect(findElectronBinary(deps)).toBe('/opt/electron/electron');
  });

  it('LEGATION_ELECTRON_BINARY stubs it present or absent, whatever node_modules holds', () => {
    const installed = { [path.join(PACKAGE, 'path.txt')]: 'electron', [path.join(PACKAGE, 'dist/electron')]: '', '/tmp/stub': '' };
    expect(findElectronBinary(checkout(installed, { LEGATION_ELECTRON_BINARY: '/tmp/stub' }))).toBe('/tmp/stub');
    expect(findElectronBinary(checkout(installed, { LEGATION_ELECTRON_BINARY: '/tmp/missing' }))).toBeNull();
  });
});
