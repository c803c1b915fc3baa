import { useCallback, useMemo, useState } from 'react';
import { useQuery } from './hooks';
import { db } from './instance';

/**
 * Remembered view settings (the theme, a list's sort, a map's zoom…): small JSON values in the
 * `meta` table under `view:<key>`, so they survive a restart, follow a restored profile, and —
 * being read with a live query — change in every open window at once. Not part of a backup
 * (meta is not a record table): they describe this installation, not the user's data.
 */

const PREFIX = 'view:';
/** Keys are short, stable identifiers such as `theme` or `visits.sort`. */
const KEY_PATTERN = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;
/**
 * A view setting is a preference, not data: anything bigger is a mistake. The largest kept is the
 * list of pairs of people the user said are not one person (two ids each), room for some 800.
 */
const MAX_JSON_LENGTH = 64 * 1024;

function metaKey(key: string): string {
  if (!KEY_PATTERN.test(key) || key.length > 80) throw new Error(`Invalid view setting key: ${key}`);
  return PREFIX + key;
}

/** The stored value for `key`, or undefined when none was saved. */
async function getViewSetting(key: string): Promise<unknown> {
  const record = await db.meta.get(metaKey(key));
  return record?.value;
}

/** Save `value` (a JSON value) for `key`; one put, its own transaction. */
async function setViewSetting(key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  if (json === undefined || json.length > MAX_JSON_LENGTH) throw new Error(`View setting ${key} is not a small JSON value`);
  // Stored as the parsed copy: what is read back is exactly what a restart would read.
  await db.meta.put({ key: metaKey(key), value: JSON.parse(json) as unknown });
}

/** Same kind of JSON value as the default: a string for a string, an array for an array… */
function sameShape(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value);
  if (fallback === null) return value === null;
  return typeof value === typeof fallback && value !== null && !Array.isArray(value);
}

export interface ViewSetting<T> {
  /** The saved value, or the default while loading, when none was saved or it does not fit. */
  value: T;
  /** Saves a new value (every window sees it through the live query). Errors reject. */
  set: (value: T) => Promise<void>;
  /** False until the stored value has been read: do not act on `value` before (e.g. theme). */
  loaded: boolean;
}

/**
 * `const { value, set } = useViewSetting('visits.sort', 'date-desc')` — a remembered view setting.
 * `validate` narrows what was stored (a value saved by an older version may no longer fit); by
 * default the stored value must have the same JSON type as `defaultValue`.
 */
export function useViewSetting<T>(key: string, defaultValue: T, validate?: (value: unknown) => value is T): ViewSetting<T> {
  const state = useQuery(() => getViewSetting(key), [key]);
  const stored = state.data;
  // The value just chosen shows at once (a controlled radio or select must not flick back while
  // the write and the live query's round trip complete); once the stored value changes — this
  // write landing, or another window's — the stored value shows again.
  const [local, setLocal] = useState<{ value: T; over: unknown } | null>(null);
  const fits = stored !== undefined && (validate ? validate(stored) : sameShape(stored, defaultValue));
  const set = useCallback(
    async (value: T) => {
      setLocal({ value, over: stored });
      try {
        await setViewSetting(key, value);
      } catch (error) {
        setLocal(null);
        throw error;
      }
    },
    [key, stored],
  );
  const loaded = !state.isLoading;
  const value = local && local.over === stored ? local.value : fits ? (stored as T) : defaultValue;
  return useMemo(() => ({ value, set, loaded }), [value, set, loaded]);
}
