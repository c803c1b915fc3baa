/**
 * The undo stack. Each mutation that a user may want back pushes the way to revert it: putting
 * back the records as they were before (soft deletes make "undelete" a plain put).
 */
export interface UndoEntry {
  label: string;
  revert: () => Promise<void>;
}

const stack: UndoEntry[] = [];
const MAX = 50;

export function pushUndo(entry: UndoEntry): void {
  stack.push(entry);
  if (stack.length > MAX) stack.shift();
}

/** Reverts the newest change; returns its label, or null when there is nothing to undo. */
export async function undoLast(): Promise<string | null> {
  const entry = stack.pop();
  if (!entry) return null;
  await entry.revert();
  return entry.label;
}

export function clearUndo(): void {
  stack.length = 0;
}
