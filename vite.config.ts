/**
 * The web application's build (`npm run build:web` → dist/web) and dev server (`npm run dev:web`, proxying
 * `/api` to the API server on port 3000). Sources are in src/web; tsconfig.web.json type-checks them.
 * The manifest (dist/web/.vite/manifest.json) lets bench/web.bench.ts weigh the first route's JavaScript.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
// `npm start`'s address (HEALTHBSC_HOST's default): 127.0.0.1 rather than localhost, which Node may resolve to ::1.
const API_SERVER = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  // Nothing may be fetched at run time, and the server's CSP allows scripts only from itself.
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // A hashed name for every asset: the server caches /assets/* for a year.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': { target: API_SERVER, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: API_SERVER, changeOrigin: false } },
  },
});
