import type { DesktopBridge } from '../../shared/bridge';
import { browserBridge } from './browser-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    legation?: DesktopBridge;
  }
}

/** The bridge to the desktop: the preload's in Electron, the browser implementation elsewhere. */
export const bridge: DesktopBridge = window.legation ?? browserBridge;
