/**
 * The undo stack. Each mutation that a user may want back pushes the way to revert it: putting
 * back the records as they were before (soft deletes make "undelete" a plain put).
 */
export interface UndoEntry {
  label: string;
  revert: () => Promise<void>;
}

type Listener = (top: UndoEntry | null) => void;

const stack: UndoEntry[] = [];
const listeners = new Set<Listener>();
const MAX = 50;

function notify(): void {
  const top = stack[stack.length - 1] ?? null;
  for (const l of listeners) l(top);
}

export function pushUndo(entry: UndoEntry): void {
  stack.push(entry);
  if (stack.length > MAX) stack.shift();
  notify();
}

/** Reverts the newest change; returns its label, or null when there is nothing to undo. */
export async function undoLast(): Promise<string | null> {
  const entry = stack.pop();
  notify();
  if (!entry) return null;
  await entry.revert();
  return entry.label;
}

export function peekUndo(): UndoEntry | null {
  return stack[stack.length - 1] ?? null;
}

export function clearUndo(): void {
  stack.length = 0;
  notify();
}

export function subscribeUndo(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
