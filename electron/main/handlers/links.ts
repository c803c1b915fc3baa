import { BrowserWindow, dialog, shell } from 'electron';
import { CHANNELS, openExternalRequestSchema } from '../../../shared/bridge';
import { openExternalLink } from '../external-links';
import type { RegisterHandler } from '../ipc';

/**
 * A link to the web opens in the user's browser: only a plain http(s) link that passes the checks
 * of ../external-links.ts, and only after the user confirms in a dialog modal to the asking window.
 */
export function registerLinkHandlers(registerHandler: RegisterHandler): void {
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
}
