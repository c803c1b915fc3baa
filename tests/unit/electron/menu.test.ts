import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../shared/bridge';
import { buildMenuTemplate } from '../../../electron/main/menu';

/** Every item of a template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function byLabel(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = flatten(items).find((item) => item.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (() => void) | undefined)?.();
}

const roles = (items: MenuItemConstructorOptions[]) =>
  flatten(items)
    .map((item) => item.role)
    .filter(Boolean);

describe('buildMenuTemplate', () => {
  it.each([
    ['New Visit', 'CmdOrCtrl+N', 'new-visit'],
    ['Find…', 'CmdOrCtrl+F', 'find'],
    ['Export Backup…', 'CmdOrCtrl+Shift+E', 'export-backup'],
    ['Restore Backup…', undefined, 'restore-backup'],
    ['Open in New Window', 'CmdOrCtrl+Shift+O', 'open-in-new-window'],
    ['Command Palette…', 'CmdOrCtrl+Shift+P', 'command-palette'],
    ['Switch Light/Dark Theme', undefined, 'toggle-theme'],
    ['Keyboard Shortcuts', undefined, 'show-shortcuts'],
    ['Visits', 'CmdOrCtrl+1', 'go-visits'],
    ['Dashboard', 'CmdOrCtrl+2', 'go-dashboard'],
    ['Timeline', 'CmdOrCtrl+3', 'go-timeline'],
    ['Map', 'CmdOrCtrl+4', 'go-map'],
    ['Calendar', 'CmdOrCtrl+5', 'go-calendar'],
    ['People', 'CmdOrCtrl+6', 'go-people'],
    ['Sources', 'CmdOrCtrl+7', 'go-sources'],
    ['Notes', 'CmdOrCtrl+8', 'go-notes'],
    ['Search', 'CmdOrCtrl+9', 'go-search'],
    ['Import', undefined, 'go-import'],
    ['Reports', undefined, 'go-reports'],
    ['Settings', 'CmdOrCtrl+,', 'go-settings'],
  ] as const)('%s has accelerator %s and sends %s', (label, accelerator, command) => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const send = vi.fn<(command: MenuCommand) => void>();
      const item = byLabel(buildMenuTemplate(platform, send, { isDev: false }), label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(send).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('has File, Edit, View, Go, Window and Help menus in order', () => {
    const template = buildMenuTemplate('linux', vi.fn(), { isDev: false });
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual(['&File', '&Edit', '&View', '&Go', 'windowMenu', '&Help']);
    const mac = buildMenuTemplate('darwin', vi.fn(), { isDev: false });
    expect(mac.map((menu) => menu.label ?? menu.role)).toEqual(['Legation', '&File', '&Edit', '&View', '&Go', 'windowMenu', '&Help']);
  });

  it('uses the standard edit roles', () => {
    const editRoles = roles(buildMenuTemplate('win32', vi.fn(), { isDev: false }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(editRoles).toContain(role);
  });

  it('has zoom and full screen, but reload and DevTools only in development', () => {
    const production = roles(buildMenuTemplate('linux', vi.fn(), { isDev: false }));
    for (const role of ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) expect(production).toContain(role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(production).not.toContain(role);
    const development = roles(buildMenuTemplate('linux', vi.fn(), { isDev: true }));
    for (const role of ['reload', 'toggleDevTools']) expect(development).toContain(role);
  });

  it('puts About under Help on Windows/Linux and in the app menu on macOS, with Quit on every platform', () => {
    const linux = buildMenuTemplate('linux', vi.fn(), { isDev: false });
    const help = linux.find((menu) => menu.role === 'help');
    expect(roles(Array.isArray(help?.submenu) ? help.submenu : [])).toContain('about');
    expect(roles(linux)).toContain('quit');
    const mac = buildMenuTemplate('darwin', vi.fn(), { isDev: false });
    expect(roles(mac[0]?.submenu as MenuItemConstructorOptions[])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
  });

  it('lists the screens in the order of the navigation bar, with Ctrl/Cmd+1…9 for the first nine', () => {
    const go = buildMenuTemplate('linux', vi.fn(), { isDev: false }).find((menu) => menu.label === '&Go');
    const items = (go?.submenu as MenuItemConstructorOptions[]).map((item) => [item.label, item.accelerator]);
    const nav = [
      'Visits',
      'Dashboard',
      'Timeline',
      'Map',
      'Calendar',
      'People',
      'Sources',
      'Notes',
      'Search',
      'Import',
      'Reports',
      'Settings',
    ];
    expect(items.map(([label]) => label)).toEqual(nav);
    expect(items.slice(0, 9).map(([, accelerator]) => accelerator)).toEqual(nav.slice(0, 9).map((_, i) => `CmdOrCtrl+${i + 1}`));
  });

  it('never binds "?" as an accelerator (it would swallow the character in text fields)', () => {
    const accelerators = flatten(buildMenuTemplate('darwin', vi.fn(), { isDev: true })).map((item) => item.accelerator);
    expect(accelerators.some((a) => typeof a === 'string' && (a.endsWith('?') || a.endsWith('/')))).toBe(false);
  });

  it('gives every accelerator to one item only', () => {
    const accelerators = flatten(buildMenuTemplate('linux', vi.fn(), { isDev: true }))
      .map((item) => item.accelerator)
      .filter((accelerator): accelerator is string => typeof accelerator === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
