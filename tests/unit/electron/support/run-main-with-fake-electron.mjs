// Loads a built main process (dist/electron/main.cjs) in plain Node with a stand-in for the
// 'electron' module that records the application menu and the windows' options, then prints them
// as JSON: what a build would show a user, checked without an Electron binary.
//   node run-main-with-fake-electron.mjs PATH/TO/main.cjs
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const captured = { menus: [], windows: [] };
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'legation-fake-electron-'));

/** Any property, call or `new` gives another of these: the parts of Electron the check does not look at. */
function anything() {
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      return anything();
    },
    apply: () => anything(),
    construct: () => anything(),
  });
}

const app = new Proxy(
  {
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getPath: () => userData,
    getName: () => 'Legation',
    getVersion: () => '0.0.0',
  },
  { get: (target, prop) => (prop in target ? target[prop] : anything()) },
);
function BrowserWindow(options) {
  captured.windows.push(options);
  return anything();
}
BrowserWindow.getAllWindows = () => [];
BrowserWindow.fromWebContents = () => null;
const Menu = new Proxy(
  {
    buildFromTemplate: (template) => {
      captured.menus.push(template);
      return anything();
    },
  },
  { get: (target, prop) => (prop in target ? target[prop] : anything()) },
);
const electron = new Proxy({ app, BrowserWindow, Menu }, { get: (target, prop) => (prop in target ? target[prop] : anything()) });

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
createRequire(import.meta.url)(path.resolve(process.argv[2]));

// The menu and the first window are made once `whenReady` resolves: a few turns of the event loop.
setTimeout(() => {
  const items = (list) => (list ?? []).flatMap((i) => [i.role ?? i.label ?? '-', ...items(i.submenu)]);
  process.stdout.write(
    JSON.stringify({ menu: captured.menus.map(items), webPreferences: captured.windows.map((w) => w?.webPreferences ?? null) }),
  );
  process.exit(0);
}, 200);
