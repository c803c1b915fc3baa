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
    // Not 'NotFoundError': Dexie rewraps an error thrown in a transaction whose name is one of
    // IndexedDB's (NotFoundError is), and the caller would get a DexieError, not this class.
    this.name = 'RecordNotFoundError';
  }
}

/**
 * A save refused because the record changed since the form or editor read it (in another window,
 * usually). `current` is the record as stored now, so the caller can show what changed and merge;
 * nothing was written. See `version.ts` for what a record's version is.
 */
export class ConflictError<T extends { id: string; updatedAt: string } = { id: string; updatedAt: string }> extends Error {
  constructor(
    readonly what: string,
    readonly current: T,
  ) {
    super(`This ${what.toLowerCase()} was changed in another window since you opened it: nothing was overwritten.`);
    this.name = 'ConflictError';
  }
}

/** Turns a storage failure into words: a full disk is the one users meet. */
export function describeStorageError(e: unknown): string {
  const name = e instanceof Error ? ((e as Error & { inner?: { name?: string } }).inner?.name ?? e.name) : '';
  if (name === 'QuotaExceededError')
    return 'The disk is full (or the storage quota is used up): nothing new could be saved. Free some space and try again; what you typed is kept.';
  if (e instanceof ValidationError || e instanceof NotFoundError || e instanceof ConflictError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
