import type {
  AppInfo,
  DesktopBridge,
  MenuCommand,
  OpenExternalReply,
  OpenExternalRequest,
  OpenFileReply,
  OpenFileRequest,
  OpenWindowReply,
  OpenWindowRequest,
  PrintToPdfReply,
  SaveFileReply,
  SaveFileRequest,
} from '../../shared/bridge';
import { isAppRoute } from '../../shared/bridge';
import { checkExternalLink } from '../../shared/links';
import { encodingProblem, sniffEncoding } from '../../shared/text/encoding';

/**
 * The DesktopBridge in a plain browser: a download instead of a save dialog, a file input instead
 * of an open dialog, no application menu. Every screen works the same way on top of it.
 */
function saveFile(request: SaveFileRequest): Promise<SaveFileReply> {
  const ext = request.extensions[0] ?? 'txt';
  const type = ext === 'json' ? 'application/json' : 'application/octet-stream';
  const blob = new Blob([request.content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = request.suggestedName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve({ status: 'saved', fileName: request.suggestedName });
}

function openFile(request: OpenFileRequest): Promise<OpenFileReply> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.setAttribute('data-testid', 'bridge-file-input');
    let settled = false;
    const finish = (reply: OpenFileReply) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(reply);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish({ status: 'cancelled' });
      if (file.size > request.maxBytes) {
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
        return finish({
          status: 'refused',
          fileName: file.name,
          message: `${file.name} is ${mb(file.size)}; the limit is ${mb(request.maxBytes)}. It was not read.`,
        });
      }
      file.arrayBuffer().then(
        (buffer) => {
          // The same refusal as Electron's and the command line's: never a text full of U+FFFD.
          const bytes = new Uint8Array(buffer);
          const problem = encodingProblem(file.name, sniffEncoding(bytes));
          finish(
            problem
              ? { status: 'refused', fileName: file.name, message: problem }
              : { status: 'opened', fileName: file.name, text: new TextDecoder('utf-8').decode(bytes) },
          );
        },
        (e: unknown) =>
          finish({
            status: 'refused',
            fileName: file.name,
            message: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`,
          }),
      );
    });
    input.addEventListener('cancel', () => finish({ status: 'cancelled' }));
    document.body.appendChild(input);
    input.click();
  });
}

/** In a browser the app is a tab: a link opens in another tab, without access to this one. */
function openExternal(request: OpenExternalRequest): Promise<OpenExternalReply> {
  const check = checkExternalLink(request.url);
  if (!check.ok) return Promise.resolve({ status: 'refused', message: check.reason });
  window.open(check.url, '_blank', 'noopener,noreferrer');
  return Promise.resolve({ status: 'opened' });
}

/**
 * A window of its own, in a browser, is a tab: the same app at the route (hash routing), sharing
 * the origin's IndexedDB, so live queries keep both in sync. `noopener`: the tabs stay independent.
 */
function openWindow(request: OpenWindowRequest): Promise<OpenWindowReply> {
  if (!isAppRoute(request.route)) return Promise.resolve({ status: 'refused', message: 'This page cannot be opened in a new window.' });
  const url = new URL(window.location.href);
  url.hash = `#${request.route}`;
  window.open(url.href, '_blank', 'noopener');
  return Promise.resolve({ status: 'opened' });
}

/** The browser's print dialog, where the user picks "Save as PDF"; the page's print styles apply. */
function printToPdf(): Promise<PrintToPdfReply> {
  window.print();
  return Promise.resolve({ status: 'print-dialog' });
}

const listeners = new Set<(command: MenuCommand) => void>();

export const browserBridge: DesktopBridge = Object.freeze({
  runtime: 'browser' as const,
  saveFile,
  openFile,
  printToPdf,
  openExternal,
  openWindow,
  appInfo: (): Promise<AppInfo> =>
    Promise.resolve({ name: 'Legation', version: __APP_VERSION__, runtime: 'browser', platform: navigator.platform || 'web' }),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
});
