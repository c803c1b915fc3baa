import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/bridge';
import { MENU_SCREENS, screenCommand } from '../../shared/screens';
import { APP_NAME } from './app-identity';

/**
 * The application menu as plain data. Items that belong to the app send a `MenuCommand` to the
 * focused window (the renderer decides what "new visit" means); the rest use Electron roles so
 * that platform behaviour (Services, Hide, native Undo) comes for free. main.ts turns the
 * template into a Menu; tests read it as data.
 */
export interface MenuOptions {
  /** Reload and DevTools entries exist only in development builds. */
  isDev: boolean;
  appName?: string;
}

export function buildMenuTemplate(
  platform: string,
  send: (command: MenuCommand) => void,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const appName = options.appName ?? APP_NAME;
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd),
  });

  // macOS convention: About, Services, Hide and Quit live in the app-name menu.
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New Visit', 'new-visit', 'CmdOrCtrl+N'),
      command('Open in New Window', 'open-in-new-window', 'CmdOrCtrl+Shift+O'),
      { type: 'separator' },
      command('Export Backup…', 'export-backup', 'CmdOrCtrl+Shift+E'),
      command('Restore Backup…', 'restore-backup'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.isDev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
      command('Command Palette…', 'command-palette', 'CmdOrCtrl+Shift+P'),
      command('Switch Light/Dark Theme', 'toggle-theme'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  // The screens in the order of the navigation bar, from the one table of screens.
  const goMenu: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: MENU_SCREENS.map((screen) => command(screen.label, screenCommand(screen), screen.accelerator)),
  };

  // The role fills in each platform's standard items (Minimize, Zoom, Bring All to Front…).
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    // On macOS About is already in the app menu (and the role adds the menu search field);
    // elsewhere it belongs under Help.
    // No accelerator for the sheet: a menu accelerator would swallow "?" typed in a text field;
    // the page opens it on "?" when the user is not typing.
    submenu: [command('Keyboard Shortcuts', 'show-shortcuts'), ...(isMac ? [] : [{ role: 'about', label: `About ${appName}` } as const])],
  };

  return [...appMenu, fileMenu, editMenu, viewMenu, goMenu, windowMenu, helpMenu];
}
