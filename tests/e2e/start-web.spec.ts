import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, Profile, test } from './support/fixtures';
import { VisitsList } from './support/visits-page';

/**
 * `npm start` as a user runs it, on both sides of the Electron check (scripts/start/electron-binary.ts
 * looks at files only, as tests/electron/first-launch.spec.ts does). LEGATION_ELECTRON_BINARY stubs
 * the binary absent (a path that does not exist) or present (a script that records its arguments).
 * No build here (--no-build): the renderer is the one the suite serves (LEGATION_RENDERER_DIR).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.resolve(root, process.env.LEGATION_RENDERER_DIR ?? 'dist/renderer');
const LINE =
  /^Electron is not installed here; opening Legation in your browser at (http:\/\/127\.0\.0\.1:\d+\/) — data stays in this browser profile$/;

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `node --import tsx scripts/start.ts …` (what `npm start` runs), with our environment plus `env`. */
function startApp(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd: root,
    env: { ...process.env, LEGATION_RENDERER_DIR: rendererDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves with the URL once the one line is printed; rejects if the process ends first. */
function printedUrl(app: Started): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = app.stdout().split('\n')[0]?.match(LINE);
      if (match?.[1] && app.stdout().endsWith('\n')) resolve(match[1]);
    };
    app.child.stdout?.on('data', check);
    void app.exited.then((code) => reject(new Error(`start.ts exited (${code}) before serving:\n${app.stdout()}${app.stderr()}`)));
    check();
  });
}

let work: string;
test.beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'legation-start-'));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('without Electron, npm start prints one line and serves the app to the browser, with the seeded visits', async () => {
  const app = startApp(['--no-build', '--no-open', '--port', '0'], {
    LEGATION_ELECTRON_BINARY: path.join(work, 'no-electron-here'),
  });
  let browser: Profile | null = null;
  try {
    const url = await printedUrl(app);
    expect(app.stdout().trimEnd().split('\n')).toHaveLength(1);
    expect(app.stderr()).toBe('');

    browser = new Profile(path.join(work, 'profile'), url);
    const page = await browser.open('/visits');
    const list = new VisitsList(page);
    await list.expectCount(3);
    for (const status of ['completed', 'postponed', 'planned']) {
      await expect(list.rows.filter({ has: page.getByRole('cell', { name: status, exact: true }) })).toHaveCount(1);
    }
    await browser.close();

    // Ctrl+C stops it cleanly: exit code 0, nothing more printed, no stack trace.
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
    expect(app.stdout().trimEnd().split('\n')).toHaveLength(1);
    expect(app.stderr()).toBe('');
  } finally {
    await browser?.close();
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
  }
});

test('with Electron present, npm start launches it with the app folder and serves nothing', async () => {
  test.skip(process.platform === 'win32', 'the stub binary is a script with a shebang');
  const record = path.join(work, 'electron-args.json');
  const stub = path.join(work, 'electron');
  await writeFile(
    stub,
    `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n`,
  );
  await chmod(stub, 0o755);

  const app = startApp(['--no-build', '--no-open'], { LEGATION_ELECTRON_BINARY: stub, ELECTRON_RUN_AS_NODE: '1' });
  expect(await app.exited).toBe(0);
  expect(JSON.parse(await readFile(record, 'utf8'))).toEqual({ args: [root], cwd: root, runAsNode: null });
  expect(app.stdout()).not.toContain('Electron is not installed');
  expect(app.stderr()).toBe('');
});
