import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { BrowserWindow, nativeTheme, screen, type WebContents } from 'electron';
import { writeFileAtomic } from './atomic-write';
import { navigationDecision, windowOpenDecision } from './security';
import { mainWindowOptions } from './window-options';
import type { WindowState } from './window-state';
import { createWindowManager, routeFromUrl, windowUrlFor, type WindowManager } from './windows';

/**
 * Apply the navigation rules to any web contents (main.ts calls this from
 * `web-contents-created`, so it also covers contents created later, e.g. DevTools' or a future
 * print preview). Every way of leaving app://legation is refused: link clicks and
 * `location = …` (will-navigate), sub-frame navigations (will-frame-navigate), server redirects
 * (will-redirect), `window.open`/target=_blank (window open handler), and <webview> (refused even
 * though the tag is disabled, in case a later edit enables it).
 *
 * One exception to "no new windows": a middle-click, Ctrl/Cmd-click or `window.open` of one of
 * the app's own pages (`app://legation/#/visits/<id>`, a route on the allow-list) becomes a Legation
 * window, made by the window manager with the same hardened options. Chromium's own window is
 * still refused, so no window ever inherits an opener or options from the page.
 */
export function hardenWebContents(
  contents: WebContents,
  log: (message: string) => void = console.warn,
  openAppWindow?: (route: string, opener: WebContents) => void,
): void {
  const refuse = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (navigationDecision(event.url) === 'deny') {
      event.preventDefault();
      log(`Refused ${kind} to ${event.url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.setWindowOpenHandler((details) => {
    const route = openAppWindow ? routeFromUrl(details.url) : null;
    if (route !== null && openAppWindow) openAppWindow(route, contents);
    else log(`Refused window.open to ${details.url.slice(0, 200)}`);
    return windowOpenDecision();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Refused to attach a <webview>');
  });
}

/** Read a small file synchronously, or null if it is missing/unreadable (first launch). */
function readTextOrNull(filePath: string): string | null {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return null;
  }
}

/** Write synchronously with the same temp-then-rename pattern as `writeFileAtomic`. */
function writeTextAtomicSync(target: string, text: string): void {
  const temp = `${target}.${randomUUID()}.tmp`;
  try {
    fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Create one hardened Legation window at `state` and load the renderer at `route` (already validated). */
function createAppWindow(options: { preloadPath: string; isDev: boolean; route: string; state: WindowState }): BrowserWindow {
  const { state } = options;
  const win = new BrowserWindow(
    mainWindowOptions({ preloadPath: options.preloadPath, isDev: options.isDev, state, darkBackground: nativeTheme.shouldUseDarkColors }),
  );
  if (state.isMaximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const url = windowUrlFor(options.route);
  win.loadURL(url).catch((error: unknown) => {
    // Still show the window: an empty window with a log beats an invisible running app.
    console.error(`Could not load ${url}:`, error);
    win.show();
  });
  return win;
}

/** The window manager over real BrowserWindows, with the session in `<userData>/window-state.json`. */
export function createAppWindowManager(options: {
  preloadPath: string;
  isDev: boolean;
  userDataDir: string;
}): WindowManager<BrowserWindow> {
  const statePath = path.join(options.userDataDir, 'window-state.json');
  const manager = createWindowManager<BrowserWindow>({
    createWindow: ({ route, state }) => {
      const win = createAppWindow({ preloadPath: options.preloadPath, isDev: options.isDev, route, state });
      // Hash navigations change the window's route in the session: read from the URL Chromium
      // reports, never from a message the page could forge (and validated by the manager).
      const update = () => {
        if (!win.isDestroyed()) manager.navigated(win, win.webContents.getURL());
      };
      win.webContents.on('did-navigate-in-page', update);
      win.webContents.on('did-navigate', update);
      return win;
    },
    readText: () => readTextOrNull(statePath),
    writeText: (text) => writeFileAtomic(fsp, statePath, text, randomUUID()),
    writeTextSync: (text) => writeTextAtomicSync(statePath, text),
    displays: () => ({
      workAreas: screen.getAllDisplays().map((display) => display.workArea),
      primary: screen.getPrimaryDisplay().workArea,
    }),
    onError: (error) => console.warn('Could not save the open windows:', error),
  });
  return manager;
}
