import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { z } from 'zod';
import { APP_ORIGIN } from './app-identity';
import { errorReply, okReply, type IpcReply } from '../common/ipc-reply';
import { isAppUrl } from './security';

/**
 * Every IPC handler goes through `registerHandler`, which checks who is asking, parses what they
 * ask from `unknown`, and turns results and failures into `IpcReply` values. The checks are pure
 * functions (tested with hostile input); the registry takes `ipcMain` as a dependency, so this
 * module never imports 'electron' at runtime.
 */

export type CheckResult = { ok: true } | { ok: false; error: string };

/** What the main process knows about the frame that sent a message. */
export interface SenderFacts {
  /** `event.senderFrame`: null when the frame navigated away or was destroyed meanwhile. */
  frame: {
    url: string;
    origin: string;
    /** The frame has no parent (not an iframe). */
    isTopFrame: boolean;
    /** The frame is the main frame of one of our own BrowserWindows. */
    isKnownWindowFrame: boolean;
  } | null;
}

/** Accept only the top frame of one of our windows, showing a page of our own origin. */
export function validateSender(facts: SenderFacts | null | undefined): CheckResult {
  const frame = facts?.frame;
  if (!frame) return { ok: false, error: 'Refused: the sending frame is gone.' };
  if (!frame.isTopFrame) return { ok: false, error: 'Refused: messages from embedded frames are not accepted.' };
  if (!frame.isKnownWindowFrame) return { ok: false, error: 'Refused: the sender is not a Legation window.' };
  if (!isAppUrl(frame.url)) return { ok: false, error: 'Refused: the sender is not showing a Legation page.' };
  if (frame.origin !== APP_ORIGIN) return { ok: false, error: 'Refused: the sender has the wrong origin.' };
  return { ok: true };
}

const MAX_ERROR_LENGTH = 500;

/**
 * Parse one request argument with its zod schema. The message lists each problem by field
 * (zod's messages never echo the input value); it is capped so a hostile request cannot make
 * the reply huge (unrecognized keys are named in the message).
 */
export function parseRequest<S extends z.ZodType>(
  channel: string,
  schema: S,
  raw: unknown,
): { ok: true; value: z.output<S> } | { ok: false; error: string } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const details = result.error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
  return { ok: false, error: truncate(`Invalid request for ${channel}: ${details}`) };
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** Facts about `event.senderFrame`; reading a destroyed frame throws, which counts as "gone". */
export function senderFactsOf(
  frame: Pick<WebFrameMain, 'url' | 'origin' | 'parent'> | null,
  isKnownWindowFrame: (frame: Pick<WebFrameMain, 'url' | 'origin' | 'parent'>) => boolean,
): SenderFacts {
  if (!frame) return { frame: null };
  try {
    return {
      frame: { url: frame.url, origin: frame.origin, isTopFrame: frame.parent === null, isKnownWindowFrame: isKnownWindowFrame(frame) },
    };
  } catch {
    return { frame: null };
  }
}

export interface HandlerRegistryDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  /** True when `frame` is the main frame of one of our windows (compared by identity). */
  isKnownWindowFrame: (frame: WebFrameMain) => boolean;
  /** Where handler failures are logged (with the stack, which the renderer never sees). */
  logError?: (channel: string, error: unknown) => void;
}

export type RegisterHandler = <S extends z.ZodType, R>(
  channel: string,
  schema: S,
  handler: (request: z.output<S>, event: IpcMainInvokeEvent) => Promise<R> | R,
) => void;

/**
 * Build the one `registerHandler(channel, schema, handler)` used for every channel.
 * Requests carry exactly one argument (or none, for argument-less channels whose schema is
 * `z.undefined()`); more arguments are refused rather than silently ignored.
 */
export function createHandlerRegistry(deps: HandlerRegistryDeps): RegisterHandler {
  return (channel, schema, handler) => {
    deps.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcReply<unknown>> => {
      const sender = validateSender(senderFactsOf(event.senderFrame, (frame) => deps.isKnownWindowFrame(frame as WebFrameMain)));
      if (!sender.ok) return errorReply(sender.error);
      if (args.length > 1) return errorReply(`Invalid request for ${channel}: expected one argument, got ${args.length}.`);
      const parsed = parseRequest(channel, schema, args[0]);
      if (!parsed.ok) return errorReply(parsed.error);
      try {
        return okReply(await handler(parsed.value, event));
      } catch (error) {
        deps.logError?.(channel, error);
        return errorReply(truncate(userMessageOf(error)));
      }
    });
  };
}

/** A failure's message without its stack: Node errors already name the operation and the file. */
function userMessageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong in the main process.';
}
