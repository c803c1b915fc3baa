/**
 * Light and dark themes. By default the app follows the system (`prefers-color-scheme`); the user
 * may pin one in Settings or with the command palette. The choice is a view setting (`theme`, in
 * the database, so every window follows it live) mirrored in localStorage, which is synchronous:
 * `bootTheme()` reads the mirror before React renders, so a pinned theme shows without a flash of
 * the other one. styles.css applies the dark variables for `:root[data-theme='dark']` and for a
 * dark system unless `:root[data-theme='light']`.
 */

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];
export const THEME_SETTING_KEY = 'theme';
const THEME_MIRROR_KEY = 'legation.theme';

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The theme shown for a preference when the system is (or is not) dark. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

/** The explicit theme "switch theme" picks: the opposite of what is shown now. */
export function toggledTheme(preference: ThemePreference, systemDark: boolean): Theme {
  return resolveTheme(preference, systemDark) === 'dark' ? 'light' : 'dark';
}

/** The `data-theme` attribute for a preference: none when following the system. */
export function themeAttribute(preference: ThemePreference): Theme | null {
  return preference === 'system' ? null : preference;
}

export function systemPrefersDark(): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
  );
}

/** Set (or remove) `data-theme` on <html> and remember the preference in the synchronous mirror. */
export function applyThemePreference(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  const attribute = themeAttribute(preference);
  if (attribute) root.setAttribute('data-theme', attribute);
  else root.removeAttribute('data-theme');
  try {
    if (preference === 'system') localStorage.removeItem(THEME_MIRROR_KEY);
    else localStorage.setItem(THEME_MIRROR_KEY, preference);
  } catch {
    // Storage can be unavailable (private mode, quota): the database copy still holds the choice.
  }
}

/** Before the first render: apply the mirrored preference, if any. */
export function bootTheme(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(THEME_MIRROR_KEY);
  } catch {
    stored = null;
  }
  const attribute = isThemePreference(stored) ? themeAttribute(stored) : null;
  if (attribute) document.documentElement.setAttribute('data-theme', attribute);
}
