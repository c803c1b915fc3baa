import fsp from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { CHANNELS, type MenuCommand } from '../../shared/bridge';
import { APP_NAME, APP_SCHEME } from './app-identity';
import { registerIpcHandlers } from './handlers';
import { buildMenuTemplate } from './menu';
import { resolveUserDataDir } from './paths';
import { createAppProtocolHandler } from './protocol';
import { APP_CUSTOM_SCHEME, isAllowedRequestUrl, isPermissionAllowed } from './security';
import { createAppWindowManager, hardenWebContents } from './window';
import type { WindowManager } from './windows';

/**
 * Main-process lifecycle. Order matters, and most of it must happen before `ready`:
 * identity and profile folder → sandbox everywhere → single-instance lock (the lock lives in the
 * profile folder, so it comes after) → privileged scheme → on ready: protocol, session rules,
 * IPC (one handler module per domain in ./handlers), menu, window.
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────────────┐
 * │ The user's data is IndexedDB of the origin app://legation, stored in the userData folder  │
 * │ named after the app. The scheme ('app'), the host ('legation') and the app name           │
 * │ ('Legation') must NEVER change after release — see app-identity.ts.                       │
 * └──────────────────────────────────────────────────────────────────────────────────────────┘
 */

const IS_DEV = __LEGATION_DEV__;
/** dist/electron/main.cjs → dist/renderer (also inside app.asar once packaged). */
const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

// Identity and profile: explicit, so neither a package.json rename nor Electron's defaults can
// move the data. `--user-data-dir=` / LEGATION_USER_DATA give tests a fresh profile.
app.setName(APP_NAME);
app.setPath(
  'userData',
  resolveUserDataDir({ argv: process.argv, env: process.env, appDataDir: app.getPath('appData'), cwd: process.cwd() }),
);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

// Must run before `ready`; registering the same scheme later is silently a no-op.
protocol.registerSchemesAsPrivileged([APP_CUSTOM_SCHEME]);

/** Every Legation window, and the session (routes and places) that comes back after a restart. */
let windows: WindowManager<BrowserWindow> | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Legation runs on this profile: it gets `second-instance` and focuses itself.
  // Two processes on one IndexedDB would also fight over Chromium's profile lock.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = windows?.windows().find((w) => !w.isDestroyed());
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // A middle-click or Ctrl/Cmd-click on one of the app's own links opens a Legation window.
    hardenWebContents(contents, console.warn, (route, opener) => {
      windows?.open(route, BrowserWindow.fromWebContents(opener));
    });
  });
  // Quitting closes every window: they all stay in the session and come back next launch.
  app.on('before-quit', () => windows?.prepareToQuit());
  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until Cmd+Q.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Legation failed to start:', error);
      dialog.showErrorBox('Legation could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

function onReady(): void {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: RENDERER_DIR,
      readFile: (filePath) => fsp.readFile(filePath),
      onRefused: (url, reason) => console.warn(`app:// refused ${url.slice(0, 200)}: ${reason}`),
    }),
  );
  applySessionRules();
  registerIpcHandlers({ windows: () => windows });
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, sendMenuCommand, { isDev: IS_DEV })));
  openMainWindow();
}

/** Reopen the saved session: every window the user had, at its route and place (at least one). */
function openMainWindow(): void {
  windows ??= createAppWindowManager({ preloadPath: PRELOAD_PATH, isDev: IS_DEV, userDataDir: app.getPath('userData') });
  windows.restore();
}

/** Permissions denied except persistent storage for our origin; every request outside app:// cancelled. */
function applySessionRules(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequestUrl(details.url);
    if (cancel) console.warn(`Cancelled request to ${details.url.slice(0, 200)} (the app is offline)`);
    callback({ cancel });
  });
}

/** Menu commands go to the focused window (or the main one when a dialog has focus). */
function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? windows?.windows()[0] ?? null;
  if (target && !target.isDestroyed()) target.webContents.send(CHANNELS.menuCommand, command);
}
