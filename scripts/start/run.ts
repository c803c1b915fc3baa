/**
 * What `npm start` does, with every effect injected so the decision is unit-tested without
 * Electron, a build or a browser: the Electron window where Electron's binary is on disk (or can be
 * fetched), else the built renderer in the user's browser, served on 127.0.0.1.
 */

export interface StartOptions {
  /** `npm run start:web`: the browser, even where Electron is installed. */
  web: boolean;
  build: boolean;
  open: boolean;
  /** Try Electron's installer once when the binary is missing. */
  fetch: boolean;
  /** The app folder Electron is launched with (the repository: package.json's `main`). */
  appDir: string;
  /** The built renderer served to the browser. */
  rendererDir: string;
}

export interface RunningApp {
  url: string;
  close: () => Promise<void>;
}

export interface StartDeps {
  findElectron: () => string | null;
  fetchElectron: () => Promise<boolean>;
  /** Resolves false when the build failed (its output has already said why). */
  build: (target: 'electron' | 'web') => Promise<boolean>;
  /** Runs Electron until its window closes; resolves with its exit code. */
  launchElectron: (binary: string, appDir: string) => Promise<number>;
  hasRenderer: (rendererDir: string) => boolean;
  serve: (rendererDir: string) => Promise<RunningApp>;
  openBrowser: (url: string) => void;
  /** Resolves when the user stops the server (Ctrl+C). */
  untilStopped: () => Promise<void>;
  print: (line: string) => void;
  printError: (line: string) => void;
}

/** The one line shown when Electron's binary is missing. */
export function electronMissingLine(url: string): string {
  return `Electron is not installed here; opening Legation in your browser at ${url} — data stays in this browser profile`;
}

/** The one line of `npm run start:web`. */
export function webLine(url: string): string {
  return `Opening Legation in your browser at ${url} — data stays in this browser profile`;
}

/** Returns the process exit code. */
export async function start(options: StartOptions, deps: StartDeps): Promise<number> {
  if (!options.web) {
    let binary = deps.findElectron();
    if (binary === null && options.fetch && (await deps.fetchElectron())) binary = deps.findElectron();
    if (binary !== null) {
      if (options.build && !(await deps.build('electron'))) return 1;
      const code = await deps.launchElectron(binary, options.appDir);
      if (code !== 0) deps.printError(`Electron exited with code ${code}; \`npm run start:web\` opens Legation in your browser instead.`);
      return code;
    }
  }

  if (options.build && !(await deps.build('web'))) return 1;
  if (!deps.hasRenderer(options.rendererDir)) {
    deps.printError(`No built app in ${options.rendererDir}: run \`npm start\` without --no-build (or \`npm run build\`) first.`);
    return 1;
  }
  const app = await deps.serve(options.rendererDir);
  deps.print(options.web ? webLine(app.url) : electronMissingLine(app.url));
  if (options.open) deps.openBrowser(app.url);
  await deps.untilStopped();
  await app.close();
  return 0;
}
