import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type WebContents, type WebFrameMain } from 'electron';
import { z } from 'zod';
import {
  CHANNELS,
  openExternalRequestSchema,
  openFileRequestSchema,
  openWindowRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  type MenuCommand,
} from '../shared/bridge';
import { openExternalLink } from './external-links';
import { APP_NAME, APP_SCHEME } from './app-identity';
import { appInfo, openFile, printToPdf, saveFile, type FileDeps } from './files';
import { createHandlerRegistry } from './ipc';
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
 * IPC, menu, window.
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
  registerIpcHandlers();
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

/** A frame is ours if it is the main frame of one of our windows (same process and routing id). */
function isKnownWindowFrame(frame: WebFrameMain): boolean {
  return BrowserWindow.getAllWindows().some((win) => {
    if (win.isDestroyed()) return false;
    const main = win.webContents.mainFrame;
    return main === frame || (main.processId === frame.processId && main.routingId === frame.routingId);
  });
}

function registerIpcHandlers(): void {
  const registerHandler = createHandlerRegistry({
    ipcMain,
    isKnownWindowFrame,
    logError: (channel, error) => console.error(`IPC ${channel} failed:`, error),
  });
  registerHandler(CHANNELS.saveFile, saveFileRequestSchema, (request, event) => saveFile(fileDepsFor(event.sender), request));
  registerHandler(CHANNELS.openFile, openFileRequestSchema, (request, event) => openFile(fileDepsFor(event.sender), request));
  // Prints the asking page itself (never a URL the renderer names), with its print styles.
  registerHandler(CHANNELS.openExternal, openExternalRequestSchema, (request, event) => {
    const parent = BrowserWindow.fromWebContents(event.sender);
    return openExternalLink(
      {
        confirm: async (url) => {
          const options = {
            type: 'question' as const,
            buttons: ['Open in browser', 'Cancel'],
            defaultId: 1,
            cancelId: 1,
            message: 'Open this link in your web browser?',
            detail: url,
          };
          const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
          return response === 0;
        },
        openExternal: (url) => shell.openExternal(url),
      },
      request,
    );
  });
  registerHandler(CHANNELS.printToPdf, printToPdfRequestSchema, (request, event) =>
    printToPdf(
      fileDepsFor(event.sender),
      () => event.sender.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true }),
      request,
    ),
  );
  // A route on the allow-list (shared/bridge.ts) opens in a new hardened window, cascaded from the asking one.
  registerHandler(CHANNELS.openWindow, openWindowRequestSchema, (request, event) => {
    const manager = windows;
    if (!manager) return { status: 'refused' as const, message: 'Legation is not ready to open windows.' };
    return manager.open(request.route, BrowserWindow.fromWebContents(event.sender)).reply;
  });
  // No argument: `z.undefined()` refuses anything the renderer might slip in.
  registerHandler(CHANNELS.appInfo, z.undefined(), () =>
    appInfo({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
  );
}

/** Dialogs are modal to the window that asked; the file system is Node's (asar-aware in Electron). */
function fileDepsFor(sender: WebContents): FileDeps {
  const parent = BrowserWindow.fromWebContents(sender);
  return {
    showSaveDialog: (options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (options) => (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)),
    documentsDir: app.getPath('documents'),
    fs: fsp,
    uniqueSuffix: () => randomUUID(),
  };
}

/** Menu commands go to the focused window (or the main one when a dialog has focus). */
function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? windows?.windows()[0] ?? null;
  if (target && !target.isDestroyed()) target.webContents.send(CHANNELS.menuCommand, command);
}
