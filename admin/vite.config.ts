import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into admin/dist, which the Nest app serves at /. In `npm run dev -w admin`, API calls go to :3000.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
