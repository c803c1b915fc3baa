import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary is, found by looking at files only — as node_modules/electron/index.js
 * does, minus its side effect: `require('electron')` downloads the binary when it is missing and
 * throws "Electron failed to install correctly" when it cannot (the stack trace `npm start` used
 * to end with). tests/electron/first-launch.spec.ts looks the same way.
 */

/** Points at the Electron executable to use instead of node_modules' (tests stub it present or absent). */
export const ELECTRON_BINARY_ENV = 'LEGATION_ELECTRON_BINARY';

export interface ElectronBinaryDeps {
  /** The repository (the folder holding node_modules). */
  root: string;
  env: Record<string, string | undefined>;
  /** True for an existing regular file. */
  exists: (filePath: string) => boolean;
  /** A file's text, or null when it cannot be read. */
  readText: (filePath: string) => string | null;
}

/** The executable, or null when it is not on disk. */
export function findElectronBinary(deps: ElectronBinaryDeps): string | null {
  const override = deps.env[ELECTRON_BINARY_ENV];
  if (override) return deps.exists(override) ? override : null;

  const packageDir = path.join(deps.root, 'node_modules', 'electron');
  // path.txt names the executable inside dist/ (electron, Electron.app/Contents/MacOS/Electron,
  // electron.exe); Electron's install.js writes it once the download is unpacked.
  const name = deps.readText(path.join(packageDir, 'path.txt'))?.trim() || null;
  const distOverride = deps.env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable: string | null = null;
  if (distOverride) executable = path.join(distOverride, name ?? 'electron');
  else if (name) executable = path.join(packageDir, 'dist', name);
  return executable !== null && deps.exists(executable) ? executable : null;
}

/** The real file system. */
export function electronBinaryDeps(root: string, env: Record<string, string | undefined> = process.env): ElectronBinaryDeps {
  return {
    root,
    env,
    exists: (filePath) => {
      try {
        return existsSync(filePath) && statSync(filePath).isFile();
      } catch {
        return false;
      }
    },
    readText: (filePath) => {
      try {
        return readFileSync(filePath, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

/**
 * Tries once to fetch the binary with Electron's own installer (what `require('electron')` would
 * do), its output kept back: offline it fails within a second, and the caller says what happens
 * instead. Resolves true when the installer succeeded. A line appears only if it takes a while
 * (a real download).
 */
export function fetchElectronBinary(root: string, print: (line: string) => void, timeoutMs = 10 * 60_000): Promise<boolean> {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: timeoutMs });
    const slow = setTimeout(() => print("Downloading Electron's binary (first run)…"), 2_000);
    const done = (ok: boolean): void => {
      clearTimeout(slow);
      resolve(ok);
    };
    child.once('error', () => done(false));
    child.once('exit', (code) => done(code === 0));
  });
}
