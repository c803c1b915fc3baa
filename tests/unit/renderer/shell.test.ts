import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterPalette, fuzzyScore, pushRecent, withRecentFirst } from '../../../renderer/components/palette-filter';
import { isMacPlatform, keyLabel, SHORTCUTS, shortcutText } from '../../../renderer/app/shortcuts';
import { isThemePreference, resolveTheme, themeAttribute, toggledTheme } from '../../../renderer/app/theme';

const COMMANDS = [
  { id: 'go/visits', label: 'Go to Visits', keywords: ['Visits'] },
  { id: 'go/map', label: 'Go to Map', keywords: ['Map'] },
  { id: 'go/timeline', label: 'Go to Timeline', keywords: ['Timeline'] },
  { id: 'new-visit', label: 'New visit', keywords: ['add trip', 'create'] },
  { id: 'new-note', label: 'New note', keywords: ['write', 'create'] },
  { id: 'search', label: 'Search everything', keywords: ['find'] },
  { id: 'toggle-theme', label: 'Switch to the dark theme', keywords: ['dark', 'light', 'theme'] },
  { id: 'open-window', label: 'Open this page in a new window', keywords: ['tab', 'window'] },
  { id: 'import-dataset', label: 'Import a dataset', keywords: ['historian', 'xml'] },
];
const ids = (query: string) => filterPalette(COMMANDS, query).map((c) => c.id);

describe('palette filter', () => {
  it.each([
    ['map', 'go/map'],
    ['go map', 'go/map'],
    ['gomap', 'go/map'],
    ['MAP', 'go/map'],
    ['new visit', 'new-visit'],
    ['nvis', 'new-visit'],
    ['nv', 'new-visit'],
    ['find', 'search'],
    ['dark', 'toggle-theme'],
    ['new window', 'open-window'],
    ['historian', 'import-dataset'],
    ['tim', 'go/timeline'],
  ])('"%s" puts %s first', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('returns everything, in order, for an empty query', () => {
    expect(ids('')).toEqual(COMMANDS.map((c) => c.id));
    expect(ids('   ')).toEqual(COMMANDS.map((c) => c.id));
  });

  it('matches characters in order only', () => {
    expect(ids('pam')).not.toContain('go/map');
    expect(ids('zzqq')).toEqual([]);
  });

  it('folds accents and case', () => {
    expect(fuzzyScore('theme', 'Thème')).not.toBeNull();
    expect(fuzzyScore('THEME', 'theme')).not.toBeNull();
  });

  it('ranks word starts and contiguous runs above scattered letters', () => {
    expect(fuzzyScore('vis', 'Go to Visits')!).toBeGreaterThan(fuzzyScore('vis', 'Provisional')!);
    expect(fuzzyScore('gm', 'Go to Map')!).toBeGreaterThan(fuzzyScore('gm', 'Large map')!);
  });

  it('keeps recent commands first, most recent first, at most five', () => {
    expect(
      withRecentFirst(COMMANDS, ['search', 'go/map', 'gone'])
        .map((c) => c.id)
        .slice(0, 3),
    ).toEqual(['search', 'go/map', 'go/visits']);
    expect(pushRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(pushRecent(['a', 'b', 'c', 'd', 'e'], 'f')).toEqual(['f', 'a', 'b', 'c', 'd']);
  });
});

describe('theme', () => {
  it('follows the system unless pinned', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('switches to the opposite of what shows', () => {
    expect(toggledTheme('system', true)).toBe('light');
    expect(toggledTheme('system', false)).toBe('dark');
    expect(toggledTheme('dark', false)).toBe('light');
    expect(toggledTheme('light', true)).toBe('dark');
  });

  it('sets data-theme only when pinned, and accepts only the three preferences', () => {
    expect(themeAttribute('system')).toBeNull();
    expect(themeAttribute('dark')).toBe('dark');
    for (const ok of ['system', 'light', 'dark']) expect(isThemePreference(ok)).toBe(true);
    for (const bad of ['Dark', 'auto', '', null, 1, {}]) expect(isThemePreference(bad)).toBe(false);
  });

  it('styles.css gives pinned dark exactly the variables of a dark system', () => {
    const css = readFileSync(new URL('../../../renderer/styles.css', import.meta.url), 'utf8');
    const block = (selector: string) => {
      const start = css.indexOf(`${selector} {`);
      expect(start).toBeGreaterThan(-1);
      const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
      return body
        .split(';')
        .map((line) => line.trim())
        .filter(Boolean)
        .sort();
    };
    const system = block(":root:not([data-theme='light'])");
    expect(system.length).toBeGreaterThan(10);
    expect(block(":root[data-theme='dark']")).toEqual(system);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme='light'\]\)/);
  });
});

describe('shortcuts', () => {
  it('labels keys per platform', () => {
    expect(shortcutText(['Mod', 'Shift', 'P'], false)).toBe('Ctrl+Shift+P');
    expect(shortcutText(['Mod', 'Shift', 'P'], true)).toBe('⌘⇧P');
    expect(keyLabel('Alt', true)).toBe('⌥');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });

  it('lists the palette, search, new window and sheet shortcuts once each', () => {
    const texts = SHORTCUTS.map((s) => shortcutText(s.keys, false));
    for (const key of ['?', 'Ctrl+Shift+P', 'Ctrl+K', 'Ctrl+F', 'Ctrl+Shift+O', 'Ctrl+Z']) expect(texts).toContain(key);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
