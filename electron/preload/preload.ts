import '../../shared/jitless';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopBridge } from '../../shared/bridge';
import { createDesktopBridge } from './bridge-client';

/**
 * Sandboxed preload: exposes `window.legation` — exactly the `DesktopBridge` methods, frozen —
 * and nothing else. `ipcRenderer` itself never crosses into the page, and neither does an
 * `IpcRendererEvent` (its `sender` is the ipcRenderer object). Bundled into one CommonJS file by
 * scripts/build-electron.mjs, because a sandboxed preload can `require` only 'electron'.
 */
const bridge: DesktopBridge = createDesktopBridge({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  subscribe: (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('legation', bridge);
