import { describe, expect, it } from 'vitest';
import { electronMissingLine, start, type StartDeps, type StartOptions } from '../../../scripts/start/run';

const OPTIONS: StartOptions = {
  web: false,
  build: true,
  open: true,
  fetch: true,
  appDir: '/home/ana/legation',
  rendererDir: '/home/ana/legation/dist/renderer',
};

/** Fakes recording every effect, in order. */
function fakes(overrides: Partial<StartDeps> = {}): { deps: StartDeps; calls: string[]; out: string[]; err: string[] } {
  const calls: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const deps: StartDeps = {
    findElectron: () => null,
    fetchElectron: () => {
      calls.push('fetch');
      return Promise.resolve(false);
    },
    build: (target) => {
      calls.push(`build ${target}`);
      return Promise.resolve(true);
    },
    launchElectron: (binary, appDir) => {
      calls.push(`electron ${binary} ${appDir}`);
      return Promise.resolve(0);
    },
    hasRenderer: () => true,
    serve: (dir) => {
      calls.push(`serve ${dir}`);
      return Promise.resolve({
        url: 'http://127.0.0.1:4320/',
        close: () => {
          calls.push('close');
          return Promise.resolve();
        },
      });
    },
    openBrowser: (url) => calls.push(`open ${url}`),
    untilStopped: () => {
      calls.push('wait');
      return Promise.resolve();
    },
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    ...overrides,
  };
  return { deps, calls, out, err };
}

describe('npm start: Electron where its binary is, the browser where it is not', () => {
  it('binary present: builds everything and launches Electron with the app folder; no server, no line', async () => {
    const f = fakes({ findElectron: () => '/bin/electron' });
    expect(await start(OPTIONS, f.deps)).toBe(0);
    expect(f.calls).toEqual(['build electron', 'electron /bin/electron /home/ana/legation']);
    expect(f.out).toEqual([]);
  });

  it('binary absent: tries one fetch, builds the renderer, serves it, prints exactly the one line, opens the browser', async () => {
    const f = fakes();
    expect(await start(OPTIONS, f.deps)).toBe(0);
    expect(f.calls).toEqual([
      'fetch',
      'build web',
      'serve /home/ana/legation/dist/renderer',
      'open http://127.0.0.1:4320/',
      'wait',
      'close',
    ]);
    expect(f.out).toEqual([
      'Electron is not installed here; opening Legation in your browser at http://127.0.0.1:4320/ — data stays in this browser profile',
    ]);
    expect(f.err).toEqual([]);
    expect(electronMissingLine('http://127.0.0.1:5000/')).toBe(
      'Electron is not installed here; opening Legation in your browser at http://127.0.0.1:5000/ — data stays in this browser profile',
    );
  });

  it('binary fetched on the spot: Electron after all', async () => {
    let fetched = false;
    const f = fakes({
      findElectron: () => (fetched ? '/bin/electron' : null),
      fetchElectron: () => {
        fetched = true;
        return Promise.resolve(true);
      },
    });
    expect(await start(OPTIONS, f.deps)).toBe(0);
    expect(f.calls).toEqual(['build electron', 'electron /bin/electron /home/ana/legation']);
  });

  it('--no-fetch, --no-build, --no-open: straight to serving, the URL printed only', async () => {
    const f = fakes();
    expect(await start({ ...OPTIONS, fetch: false, build: false, open: false }, f.deps)).toBe(0);
    expect(f.calls).toEqual(['serve /home/ana/legation/dist/renderer', 'wait', 'close']);
    expect(f.out).toHaveLength(1);
  });

  it('start:web serves the browser even where Electron is installed, with a line that does not claim it is missing', async () => {
    const f = fakes({ findElectron: () => '/bin/electron' });
    expect(await start({ ...OPTIONS, web: true }, f.deps)).toBe(0);
    expect(f.calls).not.toContain('fetch');
    expect(f.calls[0]).toBe('build web');
    expect(f.out).toEqual(['Opening Legation in your browser at http://127.0.0.1:4320/ — data stays in this browser profile']);
  });

  it('a failed build stops there with exit 1 (the build has said why)', async () => {
    const f = fakes({ build: () => Promise.resolve(false) });
    expect(await start(OPTIONS, f.deps)).toBe(1);
    expect(f.calls).toEqual(['fetch']);
    expect(f.out).toEqual([]);
  });

  it('no build to serve: one line saying what to run, exit 1', async () => {
    const f = fakes({ hasRenderer: () => false });
    expect(await start({ ...OPTIONS, build: false }, f.deps)).toBe(1);
    expect(f.err).toEqual([expect.stringContaining('No built app in /home/ana/legation/dist/renderer')]);
  });

  it('Electron failing to start points at the browser path', async () => {
    const f = fakes({ findElectron: () => '/bin/electron', launchElectron: () => Promise.resolve(127) });
    expect(await start(OPTIONS, f.deps)).toBe(127);
    expect(f.err).toEqual([expect.stringContaining('npm run start:web')]);
  });
});
