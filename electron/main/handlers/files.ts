import fsp from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { CHANNELS, openFileRequestSchema, printToPdfRequestSchema, saveFileRequestSchema } from '../../../shared/bridge';
import { openFile, printToPdf, saveFile, type FileDeps } from '../files';
import type { RegisterHandler } from '../ipc';

/** Files the user picks: save and open dialogs, and a report printed to PDF. The work is in ../files.ts. */
export function registerFileHandlers(registerHandler: RegisterHandler): void {
  registerHandler(CHANNELS.saveFile, saveFileRequestSchema, (request, event) => saveFile(fileDepsFor(event.sender), request));
  registerHandler(CHANNELS.openFile, openFileRequestSchema, (request, event) => openFile(fileDepsFor(event.sender), request));
  // Prints the asking page itself (never a URL the renderer names), with its print styles.
  registerHandler(CHANNELS.printToPdf, printToPdfRequestSchema, (request, event) =>
    printToPdf(
      fileDepsFor(event.sender),
      () => event.sender.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true }),
      request,
    ),
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
