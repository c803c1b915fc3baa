import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, MENU_COMMANDS, type DesktopBridge, type MenuCommand } from '../../../shared/bridge';
import { createDesktopBridge, type BridgeTransport } from '../../../electron/preload/bridge-client';

function fakeTransport(replies: Record<string, unknown>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: vi.fn((channel: string) => Promise.resolve(replies[channel])),
    subscribe: vi.fn((channel: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => void set.delete(listener);
    }),
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload));
  return { transport, emit, listeners };
}

describe('createDesktopBridge (the preload API)', () => {
  it('exposes exactly the DesktopBridge members, frozen', () => {
    const bridge = createDesktopBridge(fakeTransport({}).transport);
    const expected: (keyof DesktopBridge)[] = [
      'runtime',
      'saveFile',
      'openFile',
      'printToPdf',
      'openExternal',
      'openWindow',
      'appInfo',
      'onMenuCommand',
    ];
    expect(Object.keys(bridge).sort()).toEqual([...expected].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge.runtime).toBe('electron');
    expect(Object.values(bridge).some((value) => typeof value === 'object' && value !== null)).toBe(false);
  });

  it('invokes the shared channel names and unwraps ok replies', async () => {
    const { transport } = fakeTransport({
      [CHANNELS.saveFile]: { ok: true, value: { status: 'saved', fileName: 'b.json' } },
      [CHANNELS.openFile]: { ok: true, value: { status: 'cancelled' } },
      [CHANNELS.appInfo]: { ok: true, value: { name: 'Legation', version: '0.1.0', runtime: 'electron', platform: 'linux' } },
    });
    const bridge = createDesktopBridge(transport);
    const request = { suggestedName: 'b.json', filterName: 'Backup', extensions: ['json'], content: '{}' };
    await expect(bridge.saveFile(request)).resolves.toEqual({ status: 'saved', fileName: 'b.json' });
    expect(transport.invoke).toHaveBeenCalledWith('file:save', request);
    await expect(bridge.openFile({ filterName: 'Backup', extensions: ['json'], maxBytes: 10 })).resolves.toEqual({ status: 'cancelled' });
    await expect(bridge.appInfo()).resolves.toMatchObject({ runtime: 'electron' });
    expect(transport.invoke).toHaveBeenCalledWith('app:info');
  });

  it('opens a window over window:open and checks the reply', async () => {
    const { transport } = fakeTransport({ [CHANNELS.openWindow]: { ok: true, value: { status: 'opened' } } });
    const bridge = createDesktopBridge(transport);
    await expect(bridge.openWindow({ route: '/visits' })).resolves.toEqual({ status: 'opened' });
    expect(transport.invoke).toHaveBeenCalledWith('window:open', { route: '/visits' });

    const refused = fakeTransport({ [CHANNELS.openWindow]: { ok: false, error: 'Invalid request for window:open: route: An app route' } });
    await expect(createDesktopBridge(refused.transport).openWindow({ route: 'javascript:alert(1)' })).rejects.toThrow(/Invalid request/);

    const odd = fakeTransport({ [CHANNELS.openWindow]: { ok: true, value: { status: 'teleported' } } });
    await expect(createDesktopBridge(odd.transport).openWindow({ route: '/map' })).rejects.toThrow(/Unexpected reply from window:open/);
  });

  it('turns error replies into rejected promises with the message', async () => {
    const { transport } = fakeTransport({ [CHANNELS.appInfo]: { ok: false, error: 'Refused: the sender is not a Legation window.' } });
    await expect(createDesktopBridge(transport).appInfo()).rejects.toThrow('Refused: the sender is not a Legation window.');
  });

  it.each([undefined, null, 'ok', { ok: true }, { ok: false }, { ok: true, value: { status: 'teleported' } }])(
    'rejects malformed reply %j',
    async (reply) => {
      const { transport } = fakeTransport({ [CHANNELS.openFile]: reply });
      await expect(createDesktopBridge(transport).openFile({ filterName: 'B', extensions: ['json'], maxBytes: 1 })).rejects.toThrow(
        /Unexpected reply from file:open/,
      );
    },
  );

  it('delivers only known menu commands and unsubscribes', () => {
    const { transport, emit, listeners } = fakeTransport({});
    const bridge = createDesktopBridge(transport);
    const received: MenuCommand[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command));
    expect(transport.subscribe).toHaveBeenCalledWith('menu:command', expect.any(Function));
    for (const command of MENU_COMMANDS) emit('menu:command', command);
    emit('menu:command', 'rm -rf');
    emit('menu:command', { command: 'find' });
    emit('menu:command', null);
    expect(received).toEqual([...MENU_COMMANDS]);
    unsubscribe();
    expect(listeners.get('menu:command')?.size).toBe(0);
    emit('menu:command', 'find');
    expect(received).toHaveLength(MENU_COMMANDS.length);
  });

  it('refuses a non-function listener', () => {
    const bridge = createDesktopBridge(fakeTransport({}).transport);
    expect(() => bridge.onMenuCommand('alert(1)' as unknown as (command: MenuCommand) => void)).toThrow(TypeError);
  });
});
