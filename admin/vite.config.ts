import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const OUT_DIR = 'dist';

/**
 * Writes `<file>.br` and `<file>.gz` beside each script, style and text asset at build time, so the app
 * (src/http-app.ts) serves them with Content-Encoding and compresses nothing per request.
 */
const precompress = (): Plugin => ({
  name: 'party-ledger-precompress',
  apply: 'build',
  closeBundle() {
    const assets = join(OUT_DIR, 'assets');
    for (const name of readdirSync(assets)) {
      const file = join(assets, name);
      if (!/\.(js|css|svg|json|txt|map)$/.test(name)) continue;
      const content = readFileSync(file);
      writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
        }),
      );
    }
  },
});

const SERVER_ONLY = '\0party-ledger-server-only:node:crypto';

/**
 * The admin reads plain data from the server's events files (each feature's event labels), and one of
 * them (src/development/development.events.ts) also imports node:crypto for an id helper the admin never
 * calls. Vite's own stand-in for a Node module throws as soon as the module loads under `npm run dev`;
 * this one throws only if called. The build leaves it out: nothing calls it.
 */
const serverOnlyModules = (): Plugin => ({
  name: 'party-ledger-server-only-modules',
  enforce: 'pre',
  resolveId: (id) => (id === 'node:crypto' ? SERVER_ONLY : null),
  load: (id) =>
    id === SERVER_ONLY
      ? "export const createHash = () => { throw new Error('node:crypto is not available in the browser'); };"
      : null,
});

/** Libraries change less often than the app: their chunks stay cached across the app's releases. */
const VENDOR_GROUPS = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'vendor-mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group)[\\/]/, priority: 20 },
  { name: 'vendor-react-admin', test: /node_modules[\\/]/, priority: 10 },
];

// Built into admin/dist, which the Nest app serves at /. In `npm run dev -w admin`, API calls go to :3000.
export default defineConfig({
  plugins: [react(), precompress(), serverOnlyModules()],
  base: '/',
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_GROUPS } } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
