import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { BrowserWindow, nativeTheme, screen, type WebContents } from 'electron';
import { ENTRY_URL } from './app-identity';
import { writeFileAtomic } from './atomic-write';
import { navigationDecision, windowOpenDecision } from './security';
import { mainWindowOptions } from './window-options';
import { clampToDisplays, parseWindowState, trackWindowState } from './window-state';

/**
 * Apply the navigation rules to any web contents (main.ts calls this from
 * `web-contents-created`, so it also covers contents created later, e.g. DevTools' or a future
 * print preview). Every way of leaving app://legation is refused: link clicks and
 * `location = …` (will-navigate), sub-frame navigations (will-frame-navigate), server redirects
 * (will-redirect), `window.open`/target=_blank (window open handler), and <webview> (refused even
 * though the tag is disabled, in case a later edit enables it).
 */
export function hardenWebContents(contents: WebContents, log: (message: string) => void = console.warn): void {
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
    log(`Refused window.open to ${details.url.slice(0, 200)}`);
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

/** Create the main window, restored to where the user left it, and load the renderer. */
export function createMainWindow(options: { preloadPath: string; isDev: boolean; userDataDir: string }): BrowserWindow {
  const statePath = path.join(options.userDataDir, 'window-state.json');
  const state = clampToDisplays(
    parseWindowState(readTextOrNull(statePath)),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow(
    mainWindowOptions({ preloadPath: options.preloadPath, isDev: options.isDev, state, darkBackground: nativeTheme.shouldUseDarkColors }),
  );
  if (state.isMaximized) win.maximize();

  trackWindowState(win, {
    writeText: (text) => writeFileAtomic(fsp, statePath, text, randomUUID()),
    writeTextSync: (text) => writeTextAtomicSync(statePath, text),
    onError: (error) => console.warn('Could not save the window state:', error),
  });

  win.once('ready-to-show', () => win.show());
  win.loadURL(ENTRY_URL).catch((error: unknown) => {
    // Still show the window: an empty window with a log beats an invisible running app.
    console.error(`Could not load ${ENTRY_URL}:`, error);
    win.show();
  });
  return win;
}
