import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { createHandlerRegistry } from '../ipc';
import type { WindowManager } from '../windows';
import { registerAppHandlers } from './app';
import { registerFileHandlers } from './files';
import { registerLinkHandlers } from './links';
import { registerWindowHandlers } from './windows';

/**
 * Every IPC channel of the bridge (shared/bridge.ts CHANNELS), one module per domain, each handler
 * registered through the one wrapper of ../ipc.ts that checks the sender frame and parses the
 * argument with its schema before the handler runs.
 */
export function registerIpcHandlers(deps: { windows: () => WindowManager<BrowserWindow> | null }): void {
  const registerHandler = createHandlerRegistry({
    ipcMain,
    isKnownWindowFrame,
    logError: (channel, error) => console.error(`IPC ${channel} failed:`, error),
  });
  registerFileHandlers(registerHandler);
  registerLinkHandlers(registerHandler);
  registerWindowHandlers(registerHandler, deps.windows);
  registerAppHandlers(registerHandler);
}

/** A frame is ours if it is the main frame of one of our windows (same process and routing id). */
function isKnownWindowFrame(frame: WebFrameMain): boolean {
  return BrowserWindow.getAllWindows().some((win) => {
    if (win.isDestroyed()) return false;
    const main = win.webContents.mainFrame;
    return main === frame || (main.processId === frame.processId && main.routingId === frame.routingId);
  });
}
