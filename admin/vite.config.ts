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

/** Libraries change less often than the app: their chunks stay cached across the app's releases. */
const VENDOR_GROUPS = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'vendor-mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group)[\\/]/, priority: 20 },
  { name: 'vendor-react-admin', test: /node_modules[\\/]/, priority: 10 },
];

// Built into admin/dist, which the Nest app serves at /. In `npm run dev -w admin`, API calls go to :3000.
export default defineConfig({
  plugins: [react(), precompress()],
  base: '/',
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_GROUPS } } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
