import { app } from 'electron';
import { z } from 'zod';
import { CHANNELS } from '../../../shared/bridge';
import { appInfo } from '../files';
import type { RegisterHandler } from '../ipc';

/** The app's name, version and platform (the Settings screen shows them; a backup records the version). */
export function registerAppHandlers(registerHandler: RegisterHandler): void {
  // No argument: `z.undefined()` refuses anything the renderer might slip in.
  registerHandler(CHANNELS.appInfo, z.undefined(), () =>
    appInfo({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
  );
}
