// Builds everything `npm start`, `npm run dev:web` and the end-to-end tests run: the renderer (Vite),
// the Electron main process and sandboxed preload, and the web harness (esbuild).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const started = Date.now();
// What ships is what the end-to-end specs test: a NODE_ENV inherited from a test runner would make Vite bundle
// React's development build (StrictMode's doubled effects and all).
process.env.NODE_ENV = 'production';
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, target: 'node20' };
await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    platform: 'node',
    format: 'cjs',
    // playwright-core prints PDFs only where Electron cannot (harness, tests); the app prints with printToPDF.
    external: ['electron', 'better-sqlite3', 'sharp', 'playwright-core'],
  }),
  esbuild({
    ...common,
    // Sandboxed preloads may only require('electron'): everything else is bundled in.
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
  }),
  esbuild({
    ...common,
    entryPoints: ['electron/harness/server.ts'],
    outfile: 'dist/harness/server.mjs',
    platform: 'node',
    format: 'esm',
    packages: 'external',
  }),
  esbuild({
    ...common,
    entryPoints: ['electron/harness/web-api-shim.ts'],
    outfile: 'dist/harness/web-api-shim.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  }),
]);
console.log(`Built dist/ in ${Date.now() - started} ms`);
