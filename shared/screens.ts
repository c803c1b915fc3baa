/**
 * The app's screens, in one table. The navigation bar, the Go menu, the palette's "Go to"
 * commands, the Ctrl/Cmd shortcuts and the bridge's check of a window's route are all derived
 * from it, so adding a screen is a row here plus its route component (renderer/app/screens.tsx).
 */

interface ScreenRow {
  /** The route's first segment (`/visits`) and the menu command's suffix (`go-visits`). */
  id: string;
  label: string;
  /** Electron's syntax; the renderer reads `CmdOrCtrl` as its `Mod` key (see acceleratorKeys). */
  accelerator?: `CmdOrCtrl+${string}`;
  /** Shown in the navigation bar, in this order. */
  inNav: boolean;
  /** Has an item in the Go menu, and so a `go-<id>` menu command. */
  inMenu: boolean;
}

const ROWS = [
  { id: 'visits', label: 'Visits', accelerator: 'CmdOrCtrl+1', inNav: true, inMenu: true },
  { id: 'dashboard', label: 'Dashboard', accelerator: 'CmdOrCtrl+2', inNav: true, inMenu: true },
  { id: 'timeline', label: 'Timeline', accelerator: 'CmdOrCtrl+3', inNav: true, inMenu: true },
  { id: 'map', label: 'Map', accelerator: 'CmdOrCtrl+4', inNav: true, inMenu: true },
  { id: 'calendar', label: 'Calendar', accelerator: 'CmdOrCtrl+5', inNav: true, inMenu: true },
  { id: 'people', label: 'People', accelerator: 'CmdOrCtrl+6', inNav: true, inMenu: true },
  { id: 'sources', label: 'Sources', accelerator: 'CmdOrCtrl+7', inNav: true, inMenu: true },
  { id: 'notes', label: 'Notes', accelerator: 'CmdOrCtrl+8', inNav: true, inMenu: true },
  { id: 'search', label: 'Search', accelerator: 'CmdOrCtrl+9', inNav: true, inMenu: true },
  { id: 'import', label: 'Import', inNav: true, inMenu: true },
  // In the bar (next to Import, whose imports it checks) and the palette; not in the Go menu.
  { id: 'reconcile', label: 'Reconcile', inNav: true, inMenu: false },
  { id: 'reports', label: 'Reports', inNav: true, inMenu: true },
  { id: 'settings', label: 'Settings', accelerator: 'CmdOrCtrl+,', inNav: true, inMenu: true },
] as const satisfies readonly ScreenRow[];

export type ScreenId = (typeof ROWS)[number]['id'];
type MenuScreenId = Extract<(typeof ROWS)[number], { inMenu: true }>['id'];
/** The menu command that opens a screen of the Go menu. */
export type ScreenCommand = `go-${MenuScreenId}`;

export interface Screen extends Readonly<ScreenRow> {
  readonly id: ScreenId;
  readonly path: `/${ScreenId}`;
}

/** Every screen, in the order of the navigation bar. */
export const SCREENS: readonly Screen[] = ROWS.map((row) => ({ ...row, path: `/${row.id}` }));
export const NAV_SCREENS: readonly Screen[] = SCREENS.filter((s) => s.inNav);
export const MENU_SCREENS: readonly Screen[] = SCREENS.filter((s) => s.inMenu);

/** The menu command of a screen of the Go menu. */
export function screenCommand(screen: Screen): ScreenCommand {
  return `go-${screen.id}` as ScreenCommand;
}
export const SCREEN_COMMANDS: readonly ScreenCommand[] = MENU_SCREENS.map(screenCommand);

/** The screen a `go-<id>` menu command opens, if the command is one. */
export function screenForCommand(command: string): Screen | undefined {
  return command.startsWith('go-') ? MENU_SCREENS.find((s) => s.id === command.slice(3)) : undefined;
}

/** An accelerator as the renderer's key names: `CmdOrCtrl+1` → `['Mod', '1']`. */
export function acceleratorKeys(accelerator: string): string[] {
  return accelerator.split('+').map((key) => (key === 'CmdOrCtrl' ? 'Mod' : key));
}

/** The screen whose accelerator is Ctrl/Cmd plus this key (`KeyboardEvent.key`), if any. */
export function screenForModKey(key: string): Screen | undefined {
  return SCREENS.find((s) => s.accelerator === `CmdOrCtrl+${key}`);
}

/** A route's first segment that names a screen, for the bridge's route check (ids are [a-z]+). */
export const SCREEN_SEGMENT_PATTERN = `(${SCREENS.map((s) => s.id).join('|')})`;
