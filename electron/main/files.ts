import path from 'node:path';
import type {
  AppInfo,
  OpenFileReply,
  OpenFileRequest,
  PrintToPdfReply,
  PrintToPdfRequest,
  SaveFileReply,
  SaveFileRequest,
} from '../../shared/bridge';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import { encodingProblem, sniffEncoding } from '../../shared/text/encoding';

/**
 * file:save, file:open, report:pdf and app:info. Dialogs and the file system are injected (handlers/files.ts passes
 * Electron's `dialog` bound to the asking window, and `fs.promises`), so the behaviour —
 * cancel, atomic write, size limit checked before reading — is tested without Electron.
 * The renderer never sees a path: replies carry the file's base name only.
 */

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}
export interface OpenDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ['openFile'];
}

export interface FileDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** `app.getPath('documents')`: where dialogs start. */
  documentsDir: string;
  fs: AtomicWriteFs & {
    readonly stat: (filePath: string) => Promise<{ size: number; isFile(): boolean }>;
    readonly readFile: (filePath: string) => Promise<Uint8Array>;
  };
  /** Suffix for temporary files (random in production, fixed in tests). */
  uniqueSuffix(): string;
}

export async function saveFile(deps: FileDeps, request: SaveFileRequest): Promise<SaveFileReply> {
  // The schema already refuses separators; basename is a second guard, so a suggested name can
  // never steer the dialog out of the Documents folder.
  const suggested = path.basename(request.suggestedName);
  const result = await deps.showSaveDialog({
    title: 'Save',
    defaultPath: path.join(deps.documentsDir, suggested),
    filters: [{ name: request.filterName, extensions: [...request.extensions] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { status: 'cancelled' };
  await writeFileAtomic(deps.fs, result.filePath, request.content, deps.uniqueSuffix());
  return { status: 'saved', fileName: path.basename(result.filePath) };
}

/**
 * report:pdf — asks where to save first (nothing is rendered if the user cancels), then renders
 * the asking page to PDF (`render` is `webContents.printToPDF`) and writes it atomically.
 */
export async function printToPdf(deps: FileDeps, render: () => Promise<Uint8Array>, request: PrintToPdfRequest): Promise<PrintToPdfReply> {
  const suggested = path.basename(request.suggestedName);
  const result = await deps.showSaveDialog({
    title: 'Save as PDF',
    defaultPath: path.join(deps.documentsDir, suggested.toLowerCase().endsWith('.pdf') ? suggested : `${suggested}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { status: 'cancelled' };
  const bytes = await render();
  await writeFileAtomic(deps.fs, result.filePath, bytes, deps.uniqueSuffix());
  return { status: 'saved', fileName: path.basename(result.filePath) };
}

export async function openFile(deps: FileDeps, request: OpenFileRequest): Promise<OpenFileReply> {
  const result = await deps.showOpenDialog({
    title: 'Open',
    defaultPath: deps.documentsDir,
    filters: [{ name: request.filterName, extensions: [...request.extensions] }],
    properties: ['openFile'],
  });
  const filePath = result.filePaths[0];
  if (result.canceled || filePath === undefined) return { status: 'cancelled' };
  const fileName = path.basename(filePath);

  // Size first: a 4 GB file picked by mistake must be refused without being read into memory.
  const info = await deps.fs.stat(filePath);
  if (!info.isFile()) return { status: 'refused', fileName, message: `“${fileName}” is not a regular file.` };
  if (info.size > request.maxBytes) return { status: 'refused', fileName, message: tooLargeMessage(fileName, info.size, request.maxBytes) };

  const bytes = await deps.fs.readFile(filePath);
  // The file may have grown between stat and read (it is still being written, say).
  if (bytes.byteLength > request.maxBytes) {
    return { status: 'refused', fileName, message: tooLargeMessage(fileName, bytes.byteLength, request.maxBytes) };
  }
  // A binary or mis-encoded file is refused, saying which encoding it is, instead of being mangled
  // into U+FFFD characters (which would corrupt a restored backup). A UTF-8 BOM is dropped.
  const problem = encodingProblem(fileName, sniffEncoding(bytes));
  if (problem) return { status: 'refused', fileName, message: problem };
  return { status: 'opened', fileName, text: new TextDecoder('utf-8').decode(bytes) };
}

function tooLargeMessage(fileName: string, size: number, limit: number): string {
  return `“${fileName}” is ${formatBytes(size)}; the limit is ${formatBytes(limit)}.`;
}

/** Human-readable size in binary units (what file managers on every platform roughly show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1);
  return `${rounded} ${units[unit] ?? 'TB'}`;
}

export function appInfo(source: { name: string; version: string; platform: string }): AppInfo {
  return { name: source.name, version: source.version, runtime: 'electron', platform: source.platform };
}
