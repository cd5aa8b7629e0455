import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// The API server the dev/preview server forwards /api to (default: `npm run dev` on port 3000).
const api = { '/api': { target: process.env.PILAR_API_URL ?? 'http://localhost:3000', changeOrigin: false } };

// The public portal: Vite root is web/, output goes to dist/web (served by the API server).
export default defineConfig({
  root: here('.'),
  publicDir: here('./public'),
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // Keep the page code small: Leaflet and Chart.js live in lazily imported chunks.
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: api },
  preview: { proxy: api },
});
