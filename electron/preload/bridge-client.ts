import type { z } from 'zod';
import {
  appInfoSchema,
  CHANNELS,
  menuCommandSchema,
  openExternalReplySchema,
  openFileReplySchema,
  openWindowReplySchema,
  printToPdfReplySchema,
  saveFileReplySchema,
  type DesktopBridge,
  type MenuCommand,
} from '../../shared/bridge';
import { isIpcReply } from '../common/ipc-reply';

/**
 * The renderer-side half of the bridge, written against a two-function transport so that it is
 * tested without Electron; preload.ts plugs in `ipcRenderer`. It must stay free of Node
 * built-ins: the preload runs sandboxed and is bundled for the browser platform.
 */
export interface BridgeTransport {
  /** `ipcRenderer.invoke(channel, ...args)`. */
  readonly invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
  /** Subscribe to a main→renderer channel; the listener gets the payload only, never the IPC event. */
  readonly subscribe: (channel: string, listener: (payload: unknown) => void) => () => void;
}

/** Unwrap an `IpcReply`: an error becomes a rejected Promise carrying the main process's message. */
async function call<S extends z.ZodType>(
  transport: BridgeTransport,
  channel: string,
  replySchema: S,
  ...args: unknown[]
): Promise<z.output<S>> {
  const reply = await transport.invoke(channel, ...args);
  if (!isIpcReply(reply)) throw new Error(`Unexpected reply from ${channel}.`);
  if (!reply.ok) throw new Error(reply.error);
  const parsed = replySchema.safeParse(reply.value);
  if (!parsed.success) throw new Error(`Unexpected reply from ${channel}.`);
  return parsed.data;
}

export function createDesktopBridge(transport: BridgeTransport): DesktopBridge {
  const bridge = {
    runtime: 'electron',
    saveFile: (request) => call(transport, CHANNELS.saveFile, saveFileReplySchema, request),
    openFile: (request) => call(transport, CHANNELS.openFile, openFileReplySchema, request),
    openExternal: (request) => call(transport, CHANNELS.openExternal, openExternalReplySchema, request),
    printToPdf: (request) => call(transport, CHANNELS.printToPdf, printToPdfReplySchema, request),
    appInfo: () => call(transport, CHANNELS.appInfo, appInfoSchema),
    openWindow: (request) => call(transport, CHANNELS.openWindow, openWindowReplySchema, request),
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand expects a function.');
      return transport.subscribe(CHANNELS.menuCommand, (payload) => {
        // Only known commands reach the page, whatever was sent on the channel.
        const command = menuCommandSchema.safeParse(payload);
        if (command.success) listener(command.data);
      });
    },
  } satisfies DesktopBridge;
  return Object.freeze(bridge);
}
