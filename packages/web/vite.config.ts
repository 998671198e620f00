import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { builtinData } from './scripts/builtin-data.ts';

// The server (packages/server) serves dist/ at http://localhost:8080; `npm run dev -w @concert/web` proxies the
// API to it for UI work with hot reload.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), builtinData()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:8080', '/docs': 'http://localhost:8080' } },
});
