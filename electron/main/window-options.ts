import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from './app-identity';
import { webPreferencesFor } from './security';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state';

/**
 * Options of the one Legation window, as data (window.ts only calls `new BrowserWindow` with
 * them). `show: false` + `ready-to-show` avoids a white flash before the first paint.
 */
export function mainWindowOptions(input: {
  preloadPath: string;
  isDev: boolean;
  state: WindowState;
  darkBackground: boolean;
}): BrowserWindowConstructorOptions {
  const { state } = input;
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: APP_NAME,
    backgroundColor: input.darkBackground ? '#1c1d21' : '#ffffff',
    webPreferences: webPreferencesFor(input.preloadPath, { devTools: input.isDev }),
  };
}
