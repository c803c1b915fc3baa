/**
 * `npm start` / `npm run start:web` (run by Node with tsx's loader: `node --import tsx scripts/start.ts`).
 *
 *   npm start                   build, then the Electron window; where Electron's binary is missing
 *                               and cannot be fetched, the app in your browser (one line says so)
 *   npm run start:web           build the renderer, then the app in your browser
 *
 * Options: --web, --no-build, --no-open (print the URL only), --no-fetch (never try Electron's
 * download), --port N (0 = any free port; default 4320, or any free one when it is taken).
 * LEGATION_RENDERER_DIR serves another build; LEGATION_ELECTRON_BINARY points at another Electron.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryDeps, fetchElectronBinary, findElectronBinary } from './start/electron-binary';
import { openInBrowser } from './start/open-browser';
import { start, type StartOptions } from './start/run';
import { DEFAULT_PORT, startStaticServer } from './start/static-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

const USAGE = 'Usage: npm start [-- --web] [--no-build] [--no-open] [--no-fetch] [--port N]';

function parseArgs(argv: string[]): { options: StartOptions; ports: number[] } | string {
  const options: StartOptions = {
    web: false,
    build: true,
    open: true,
    fetch: true,
    appDir: root,
    rendererDir: path.resolve(root, process.env.LEGATION_RENDERER_DIR ?? 'dist/renderer'),
  };
  let ports = [DEFAULT_PORT, 0];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--web') options.web = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--no-open') options.open = false;
    else if (arg === '--no-fetch') options.fetch = false;
    else if (arg === '--port' || arg?.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port wants a number from 0 to 65535, not ${value ?? 'nothing'}.`;
      ports = [port];
    } else return `Unknown option ${arg ?? ''}.\n${USAGE}`;
  }
  return { options, ports };
}

/** Runs a command with the terminal; resolves with its exit code. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    // npm is npm.cmd on Windows, which Node runs only through a shell.
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: isWindows && command === 'npm' });
    child.once('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Electron with the app folder, as `electron .` does (node_modules/electron/cli.js), until it exits. */
function launchElectron(binary: string, appDir: string): Promise<number> {
  // Electron must not run as plain Node (a variable some tools leave set).
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(binary, [appDir], { cwd: root, stdio: 'inherit', env });
    // Ctrl+C or a kill closes the window, and this process waits for Electron to quit.
    const forward = (signal: NodeJS.Signals) => () => {
      if (child.exitCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward('SIGINT'));
    process.on('SIGTERM', forward('SIGTERM'));
    child.once('error', (error) => {
      console.error(`Could not run Electron (${binary}): ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  });
}

/** Resolves on the first Ctrl+C (SIGINT) or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed);
    return 2;
  }
  const { options, ports } = parsed;
  const binaryDeps = electronBinaryDeps(root);
  return start(options, {
    findElectron: () => findElectronBinary(binaryDeps),
    // A stubbed binary (tests) is never replaced by a download.
    fetchElectron: () =>
      process.env.LEGATION_ELECTRON_BINARY ? Promise.resolve(false) : fetchElectronBinary(root, (line) => console.log(line)),
    build: async (target) => {
      if (target === 'electron') return (await run('npm', ['run', '--silent', 'build'])) === 0;
      const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
      const viteArgs = [vite, 'build', '--outDir', options.rendererDir, '--emptyOutDir', '--logLevel', 'error'];
      return (await run(process.execPath, viteArgs)) === 0;
    },
    launchElectron,
    hasRenderer: (dir) => existsSync(path.join(dir, 'index.html')),
    serve: (rendererDir) => startStaticServer({ rootDir: rendererDir, ports }),
    openBrowser: (url) => openInBrowser(url),
    untilStopped,
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Expected situations are handled above; anything else still gets one line, not a stack trace.
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
