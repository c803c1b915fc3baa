import { useEffect, useState } from 'react';
import { useViewSetting } from '../db';
import { applyThemePreference, isThemePreference, systemPrefersDark, THEME_SETTING_KEY, type ThemePreference } from './theme';

/** The remembered theme preference (System / Light / Dark); every window sees a change live. */
export function useThemePreference() {
  const setting = useViewSetting<ThemePreference>(THEME_SETTING_KEY, 'system', isThemePreference);
  return { preference: setting.value, setPreference: setting.set, loaded: setting.loaded };
}

/** Whether the system is in dark mode now (follows changes while the app runs). */
export function useSystemDark(): boolean {
  const [dark, setDark] = useState(systemPrefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** Applies the stored preference to <html> once it is read (before that, the boot mirror holds). */
export function useApplyTheme(preference: ThemePreference, loaded: boolean): void {
  useEffect(() => {
    if (loaded) applyThemePreference(preference);
  }, [preference, loaded]);
}
