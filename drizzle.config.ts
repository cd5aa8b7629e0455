import { defineConfig } from 'drizzle-kit';

// Migrations are generated once from the schema and applied on start, on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/core/schema.ts',
  out: './drizzle',
});
