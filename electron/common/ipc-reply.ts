/**
 * The envelope every IPC handler replies with. Errors cross the process boundary as values with
 * a message meant for the user, never as thrown objects (Electron would flatten them into
 * "Error invoking remote method …" strings with main-process stack details).
 * Pure: imported by both the main process and the sandboxed preload.
 */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: string };

export function okReply<T>(value: T): IpcReply<T> {
  return { ok: true, value };
}

export function errorReply(error: string): IpcReply<never> {
  return { ok: false, error };
}

/** Narrow an `unknown` reply to the envelope (the preload does not trust shapes it did not build). */
export function isIpcReply(raw: unknown): raw is IpcReply<unknown> {
  if (typeof raw !== 'object' || raw === null) return false;
  const candidate = raw as { ok?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error === 'string';
}
