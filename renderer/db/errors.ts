import type { z } from 'zod';

/** A refusal the user can act on: the message says what is wrong; `fields` maps field paths to messages. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError, what: string): ValidationError {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.join('.') || '_';
      fields[key] ??= issue.message;
    }
    const first = error.issues[0];
    return new ValidationError(first ? `${what}: ${first.message}` : `${what} is not valid`, fields);
  }
}

export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist (it may have been deleted in another window).`);
    this.name = 'NotFoundError';
  }
}

/** Turns a storage failure into words: a full disk is the one users meet. */
export function describeStorageError(e: unknown): string {
  const name = e instanceof Error ? ((e as Error & { inner?: { name?: string } }).inner?.name ?? e.name) : '';
  if (name === 'QuotaExceededError')
    return 'The disk is full (or the storage quota is used up): nothing new could be saved. Free some space and try again; what you typed is kept.';
  if (e instanceof ValidationError || e instanceof NotFoundError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
