import path from 'node:path';

/** Which database the current Vitest project runs on (set by vitest.config.ts). */
export const engine = (process.env.PILAR_TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';
export const root = path.resolve(import.meta.dirname, '../..');
const run = process.env.PILAR_TEST_RUN ?? 'default';
export const templateDir = path.join(root, `.tmp/test/pglite-template-${run}`);
export const templateDbName = `pilar_template_${run}`;
export const wilayahDir = path.resolve(root, '../shared/data/wilayah');
/** Uploaded files of this test run (never the repository's ./data/files); removed by the global teardown. */
export const testFilesDir = path.join(root, `.tmp/test/files-${run}`);

/** A connection URL to another database on the same PostgreSQL server. */
export function urlFor(database: string): string {
  const u = new URL(process.env.PILAR_TEST_PG_URL!);
  u.pathname = `/${database}`;
  return u.toString();
}
