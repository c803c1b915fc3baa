/**
 * Replaced at bundle time by scripts/build-electron.mjs (esbuild `define`): `true` in development
 * builds, `false` in production builds (NODE_ENV=production or --production), where the Reload
 * and DevTools menu items and DevTools themselves are removed.
 */
declare const __LEGATION_DEV__: boolean;
