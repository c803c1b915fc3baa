import { BrowserWindow } from 'electron';
import { CHANNELS, openWindowRequestSchema } from '../../../shared/bridge';
import type { RegisterHandler } from '../ipc';
import type { WindowManager } from '../windows';

/** A route on the allow-list (shared/bridge.ts) opens in a new hardened window, cascaded from the asking one. */
export function registerWindowHandlers(registerHandler: RegisterHandler, windows: () => WindowManager<BrowserWindow> | null): void {
  registerHandler(CHANNELS.openWindow, openWindowRequestSchema, (request, event) => {
    const manager = windows();
    if (!manager) return { status: 'refused' as const, message: 'Legation is not ready to open windows.' };
    return manager.open(request.route, BrowserWindow.fromWebContents(event.sender)).reply;
  });
}
