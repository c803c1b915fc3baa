import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The app (renderer/index.html) and the benchmark pages (bench/*.html) built together into
 * dist/bench/, so they share one origin and one IndexedDB: the harness fills the database the app
 * then opens. The app is at /renderer/index.html, the harness at /bench/harness.html.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warn',
  build: {
    outDir: process.env.LEGATION_BENCH_OUT ?? 'dist/bench',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        app: `${root}renderer/index.html`,
        harness: `${root}bench/harness.html`,
        bare: `${root}bench/bare-list.html`,
      },
    },
  },
});
