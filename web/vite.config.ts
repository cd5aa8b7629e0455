import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// The API server the dev/preview server forwards /api to (default: `npm run dev` on port 3000).
const api = { '/api': { target: process.env.PILAR_API_URL ?? 'http://localhost:3000', changeOrigin: false } };

/**
 * The admin console validates forms with the server's own zod rules
 * (src/modules/masterplan/validation.ts). Those import their enum lists from the Drizzle
 * schema next to them; the browser gets only those `export const X = [...] as const` lists,
 * read from the schema file at build time, instead of Drizzle and the table definitions.
 */
function schemaConstants(): Plugin {
  const shim = '\0pilar-schema-constants';
  const schemaFile = here('../src/modules/masterplan/schema.ts');
  return {
    name: 'pilar-schema-constants',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './schema.ts' && importer && path.resolve(path.dirname(importer), source) === schemaFile) return shim;
      return null;
    },
    load(id) {
      if (id !== shim) return null;
      this.addWatchFile(schemaFile);
      const src = readFileSync(schemaFile, 'utf8');
      const consts = [...src.matchAll(/^export const ([A-Z][A-Z0-9_]*) = (\[[^\]]*\]) as const;/gm)];
      return consts.map(([, name, list]) => `export const ${name} = ${list};`).join('\n');
    },
  };
}

// The public portal: Vite root is web/, output goes to dist/web (served by the API server).
export default defineConfig({
  root: here('.'),
  publicDir: here('./public'),
  plugins: [react(), schemaConstants()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // Keep the page code small: Leaflet and Chart.js live in lazily imported chunks.
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: api },
  preview: { proxy: api },
});
