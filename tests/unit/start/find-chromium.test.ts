import { describe, expect, it } from 'vitest';
import { CHROMIUM_INSTALL_HINT, chromiumPath, findChromium, type FindChromiumDeps } from '../../../scripts/find-chromium.mjs';

const PLAYWRIGHT = '/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine with exactly these files, this PATH and this Playwright cache location. */
function machine(files: string[], env: Record<string, string | undefined> = {}, extra: Partial<FindChromiumDeps> = {}): FindChromiumDeps {
  const present = new Set(files);
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/opt/google/chrome', ...env },
    exists: (filePath) => present.has(filePath),
    platform: 'linux',
    playwrightExecutable: () => PLAYWRIGHT,
    ...extra,
  };
}

describe('findChromium: the search order', () => {
  it('takes LEGATION_CHROMIUM before anything else', () => {
    const deps = machine(['/opt/my/chrome', PLAYWRIGHT, '/usr/bin/chromium'], { LEGATION_CHROMIUM: '/opt/my/chrome' });
    expect(findChromium(deps)).toEqual({ ok: true, path: '/opt/my/chrome', source: 'LEGATION_CHROMIUM' });
  });

  it('reports a LEGATION_CHROMIUM that points nowhere instead of quietly using another browser', () => {
    const result = findChromium(machine(['/usr/bin/chromium'], { LEGATION_CHROMIUM: '/nope/chrome' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('LEGATION_CHROMIUM is set to /nope/chrome');
      expect(result.message).toContain(CHROMIUM_INSTALL_HINT);
    }
  });

  it('then the browser `npx playwright install chromium` installed', () => {
    expect(findChromium(machine([PLAYWRIGHT, '/usr/bin/chromium']))).toEqual({ ok: true, path: PLAYWRIGHT, source: 'playwright' });
  });

  it('skips Playwright when its browser is not downloaded, or Playwright knows none for this system', () => {
    expect(findChromium(machine(['/usr/bin/chromium']))).toMatchObject({ path: '/usr/bin/chromium', source: '/usr/bin/chromium' });
    const noRegistry = machine(['/usr/bin/chromium'], {}, { playwrightExecutable: () => null });
    expect(findChromium(noRegistry)).toMatchObject({ path: '/usr/bin/chromium' });
  });

  it('then google-chrome, google-chrome-stable, chromium-browser, chromium on the PATH, by name first', () => {
    const files = ['/usr/local/bin/chromium', '/opt/google/chrome/google-chrome-stable', '/usr/bin/chromium-browser'];
    expect(findChromium(machine(files))).toEqual({ ok: true, path: '/opt/google/chrome/google-chrome-stable', source: 'PATH' });
    expect(findChromium(machine(['/usr/local/bin/chromium', '/usr/bin/chromium-browser']))).toMatchObject({
      path: '/usr/bin/chromium-browser',
    });
    expect(findChromium(machine(['/usr/local/bin/chromium']))).toMatchObject({ path: '/usr/local/bin/chromium' });
    expect(findChromium(machine(['/opt/google/chrome/google-chrome']))).toMatchObject({ path: '/opt/google/chrome/google-chrome' });
  });

  it('only looks where the PATH says', () => {
    expect(findChromium(machine(['/somewhere/else/chromium'])).ok).toBe(false);
    expect(findChromium(machine(['/usr/local/bin/chromium'], { PATH: '' })).ok).toBe(false);
    expect(findChromium(machine(['/usr/local/bin/chromium'], { PATH: undefined })).ok).toBe(false);
  });

  it('on Windows reads the PATH with ; and looks for .exe files', () => {
    const deps = machine(['C:\\Tools\\chromium.exe'], { PATH: 'C:\\Windows;C:\\Tools' }, { platform: 'win32' });
    expect(findChromium(deps)).toEqual({ ok: true, path: 'C:\\Tools\\chromium.exe', source: 'PATH' });
  });

  it('with nothing found, says where it looked and what to install on each system', () => {
    const result = findChromium(machine([]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(PLAYWRIGHT);
    expect(result.message).toContain('/usr/bin/chromium');
    for (const line of [
      'Debian/Ubuntu:  sudo apt-get install chromium',
      'Fedora:         sudo dnf install chromium',
      'macOS:          brew install --cask chromium',
      'Windows:        npx playwright install chromium',
    ]) {
      expect(result.message).toContain(line);
    }
    expect(() => chromiumPath(machine([]))).toThrow(/No Chromium found/);
  });

  it('on this machine, finds a browser the real way (file checks only, no launch)', () => {
    // The e2e tests need one, so every machine that runs them has one.
    const result = findChromium();
    expect(result.ok).toBe(true);
  });
});
