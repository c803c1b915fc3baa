import { z } from 'zod';
import { SCREEN_COMMANDS, SCREEN_SEGMENT_PATTERN, type ScreenCommand } from './screens';

/**
 * The one contract between the renderer and the main process. The renderer sees it as
 * `window.legation: DesktopBridge`; in Electron the preload implements it over IPC (invoke only),
 * in a plain browser `renderer/bridge/browser-bridge.ts` implements it with downloads and file
 * inputs. Channel names are `domain:verb`; each has a zod schema for its request and its reply,
 * and the main process parses every request from `unknown` before acting.
 */

/** Largest file the app writes or reads through the bridge (a backup of ~100k visits fits). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|]+$/, 'A file name without folders or special characters')
  .refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 32), 'A file name without control characters');

const extensionSchema = z.string().regex(/^[a-z0-9]{1,10}$/, 'An extension such as json');

export const saveFileRequestSchema = z
  .object({
    /** Suggested file name shown in the dialog; never a path. */
    suggestedName: fileNameSchema,
    /** Label for the dialog's file-type filter, e.g. "Legation backup". */
    filterName: z.string().min(1).max(60),
    extensions: z.array(extensionSchema).min(1).max(5),
    /** Text content, or bytes (e.g. DOCX, PDF). */
    content: z.union([z.string(), z.instanceof(Uint8Array)]),
  })
  .strict()
  .refine((r) => (typeof r.content === 'string' ? r.content.length * 3 : r.content.byteLength) <= MAX_FILE_BYTES * 3, {
    message: 'The file is too large to save',
    path: ['content'],
  });
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export const saveFileReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SaveFileReply = z.infer<typeof saveFileReplySchema>;

export const openFileRequestSchema = z
  .object({
    filterName: z.string().min(1).max(60),
    extensions: z.array(extensionSchema).min(1).max(5),
    /** Files larger than this are refused by their size, before reading. */
    maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
  })
  .strict();
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;

export const openFileReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), fileName: z.string(), text: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  /** The file could not be used; `message` says why in the user's words. */
  z.object({ status: z.literal('refused'), fileName: z.string(), message: z.string() }),
]);
export type OpenFileReply = z.infer<typeof openFileReplySchema>;

export const printToPdfRequestSchema = z
  .object({
    /** Suggested file name for the PDF; never a path. */
    suggestedName: fileNameSchema,
  })
  .strict();
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

export const printToPdfReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  /** A plain browser cannot write a PDF itself: its print dialog opened, where the user saves it. */
  z.object({ status: z.literal('print-dialog') }),
]);
export type PrintToPdfReply = z.infer<typeof printToPdfReplySchema>;

export const openExternalRequestSchema = z.object({ url: z.string().max(4096) }).strict();
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>;

export const openExternalReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened') }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('refused'), message: z.string() }),
]);
export type OpenExternalReply = z.infer<typeof openExternalReplySchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Commands of the application menu other than its Go menu's screens (shared/screens.ts). */
const ACTION_COMMANDS = [
  'new-visit',
  'find',
  'export-backup',
  'restore-backup',
  'open-in-new-window',
  'command-palette',
  'show-shortcuts',
  'toggle-theme',
] as const;
/** Commands the application menu sends to the focused window. */
export type MenuCommand = (typeof ACTION_COMMANDS)[number] | ScreenCommand;
export const MENU_COMMANDS: readonly [MenuCommand, ...MenuCommand[]] = [...ACTION_COMMANDS, ...SCREEN_COMMANDS];
export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** Longest app route a window may be opened at (a visit id and a list's query fit easily). */
export const MAX_ROUTE_LENGTH = 1024;

/**
 * App-internal routes a window may show: a screen (shared/screens.ts), optionally one or two path segments (a record
 * id, `new`, `edit`, `dataset`) and a query string. Nothing else: no scheme, no host, no `..`,
 * no fragment, no percent-encoded path, no control characters, no whitespace.
 */
const APP_ROUTE_PATTERN = new RegExp(`^\\/${SCREEN_SEGMENT_PATTERN}(\\/[A-Za-z0-9-]{1,80}){0,2}(\\?[A-Za-z0-9\\-._~%&=+,:@]*)?$`);

/** True for a route that `openWindow` and session restore accept (see APP_ROUTE_PATTERN). */
export function isAppRoute(route: unknown): route is string {
  if (typeof route !== 'string' || route.length === 0 || route.length > MAX_ROUTE_LENGTH) return false;
  if (!APP_ROUTE_PATTERN.test(route)) return false;
  // Settings acts on `?action=export|restore` when it arrives: a window (or a restored session)
  // must never replay an action, so Settings opens plain.
  return !route.startsWith('/settings?');
}

const appRouteSchema = z.string().refine(isAppRoute, 'An app route such as /visits or /people/<id>');

export const openWindowRequestSchema = z.object({ route: appRouteSchema }).strict();
export type OpenWindowRequest = z.infer<typeof openWindowRequestSchema>;

export const openWindowReplySchema = z.discriminatedUnion('status', [
  /** A new desktop window (Electron) or a new browser tab shows the route. */
  z.object({ status: z.literal('opened') }),
  /** The route is not one the app opens in a window; nothing happened. */
  z.object({ status: z.literal('refused'), message: z.string() }),
]);
export type OpenWindowReply = z.infer<typeof openWindowReplySchema>;

/** IPC channel names, in one place. */
export const CHANNELS = {
  saveFile: 'file:save',
  openFile: 'file:open',
  appInfo: 'app:info',
  printToPdf: 'report:pdf',
  openExternal: 'link:open',
  menuCommand: 'menu:command',
  openWindow: 'window:open',
} as const;

export interface DesktopBridge {
  /** Which implementation is running. */
  readonly runtime: 'electron' | 'browser';
  /**
   * Asks the user where to save `content` (native save dialog in Electron, a download in the
   * browser) and writes it there. The renderer never sees or chooses a path.
   */
  saveFile(request: SaveFileRequest): Promise<SaveFileReply>;
  /**
   * Asks the user for one file (native open dialog / file input) and returns its text. Files over
   * `maxBytes` are refused by their size without being read.
   */
  openFile(request: OpenFileRequest): Promise<OpenFileReply>;
  /**
   * Prints the calling window's current page (a print-styled report) to a PDF file: a native save
   * dialog, then `webContents.printToPDF` in Electron; the print dialog in a plain browser.
   */
  printToPdf(request: PrintToPdfRequest): Promise<PrintToPdfReply>;
  /**
   * Opens a web link from a source or a note in the user's browser. Only plain http(s) links
   * (shared/links.ts); in Electron the user confirms first. Never navigates the app's window.
   */
  openExternal(request: OpenExternalRequest): Promise<OpenExternalReply>;
  /** Name, version and runtime of the app. */
  appInfo(): Promise<AppInfo>;
  /**
   * Opens an app route (e.g. `/visits/<id>`, `/map`) in a window of its own: a new hardened
   * desktop window in Electron (validated again by the main process, and remembered with the
   * session), a new tab in a plain browser. Every window shows the same live data.
   */
  openWindow(request: OpenWindowRequest): Promise<OpenWindowReply>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
