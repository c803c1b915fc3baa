import { acceleratorKeys, SCREENS } from '../../shared/screens';

/**
 * Every keyboard shortcut of the app, as data: the shortcuts sheet (`?`) lists them, the command
 * palette shows them next to its commands, and App.tsx's key handler implements them. `Mod` is
 * Cmd on macOS and Ctrl elsewhere.
 */

export interface Shortcut {
  keys: readonly string[];
  description: string;
  /** The "Go to" group is the screens' accelerators, from the table of screens. */
  group: 'Anywhere' | 'Go to' | 'Lists and forms';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], description: 'Show this list of shortcuts (when not typing)', group: 'Anywhere' },
  { keys: ['Mod', 'Shift', 'P'], description: 'Open the command palette', group: 'Anywhere' },
  { keys: ['Mod', 'K'], description: 'Search everything', group: 'Anywhere' },
  { keys: ['Mod', 'F'], description: 'Search everything', group: 'Anywhere' },
  { keys: ['Mod', 'Shift', 'O'], description: 'Open this page in a new window', group: 'Anywhere' },
  { keys: ['Mod', 'Alt', 'N'], description: 'New visit (typing starts in its first field, the traveller)', group: 'Anywhere' },
  { keys: ['Mod', 'Z'], description: 'Undo the last change (when not typing)', group: 'Anywhere' },
  { keys: ['Esc'], description: 'Close a dialog or the palette', group: 'Anywhere' },
  { keys: ['Tab'], description: 'Move to the next control; Shift+Tab goes back', group: 'Lists and forms' },
  { keys: ['Enter'], description: 'Open the focused link or press the focused button', group: 'Lists and forms' },
  { keys: ['Middle-click'], description: 'Open a link in a new window (Ctrl/Cmd-click too)', group: 'Lists and forms' },
  ...SCREENS.flatMap((s) =>
    s.accelerator ? [{ keys: acceleratorKeys(s.accelerator), description: s.label, group: 'Go to' as const }] : [],
  ),
];

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** A key's label on this platform: Mod → ⌘ or Ctrl, Alt → ⌥ on macOS. */
export function keyLabel(key: string, mac: boolean): string {
  if (key === 'Mod') return mac ? '⌘' : 'Ctrl';
  if (key === 'Alt') return mac ? '⌥' : 'Alt';
  if (key === 'Shift') return mac ? '⇧' : 'Shift';
  return key;
}

/** A whole shortcut as one readable string, e.g. "Ctrl+Shift+P" (used for aria and the palette). */
export function shortcutText(keys: readonly string[], mac: boolean): string {
  return keys.map((k) => keyLabel(k, mac)).join(mac ? '' : '+');
}
