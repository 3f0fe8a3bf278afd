/**
 * The web application's build (`npm run build:web` → dist/web) and dev server (`npm run dev:web`, proxying
 * `/api` to the API server on port 3000). Sources are in src/web; tsconfig.web.json type-checks them.
 * Every text file gets a .br and a .gz copy, which the server sends as they are. The manifest
 * (dist/web/.vite/manifest.json) lets bench/web.bench.ts weigh the first route's JavaScript.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
// `npm start`'s address (HEALTHBSC_HOST's default): 127.0.0.1 rather than localhost, which Node may resolve to ::1.
const API_SERVER = 'http://127.0.0.1:3000';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `<file>.br` (brotli, best quality: once per build) and `<file>.gz` beside every text file of the build,
 * so the server sends them as they are (@fastify/static `preCompressed`) instead of compressing per request.
 */
function precompress(dir: string): Plugin {
  return {
    name: 'healthbsc-precompress',
    apply: 'build',
    async closeBundle() {
      const files = (await readdir(dir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const body = await readFile(path);
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            promisify(gzip)(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress(outDir)],
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
