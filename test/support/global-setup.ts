import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/core/db.ts';
import { prepareDatabase } from '../../src/modules/demo/seed.ts';
import type { TestProject } from 'vitest/node';
import { templateDir, templateDbName, testFilesDir, urlFor, wilayahDir } from './engine.ts';

/**
 * Builds one template database per run (migrations, all regions, shared geo files, demo),
 * which every test file then copies: a fresh, fully loaded database in well under a second.
 */
// Two Vitest projects share an engine (unit and e2e) and may load this module separately:
// keep the once-per-run promises on globalThis, which the main process shares.
const built: Map<string, Promise<void>> = ((globalThis as { __pilarTemplates?: Map<string, Promise<void>> }).__pilarTemplates ??= new Map());

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Global setup runs in the main process, where the project's env is not applied: read it from the project.
  const engine = project.config.env?.PILAR_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
  if (!built.has(engine)) built.set(engine, buildTemplate(engine));
  await built.get(engine)!;
  return async () => {
    // The first teardown of an engine removes its template; the other project's finds nothing to do.
    if (!built.delete(engine)) return;
    if (engine === 'pglite') {
      fs.rmSync(templateDir, { recursive: true, force: true });
      fs.rmSync(testFilesDir, { recursive: true, force: true });
    } else {
      const admin = new pg.Client({ connectionString: urlFor('postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${templateDbName}`).catch(() => undefined);
      await admin.end();
    }
  };
}

async function buildTemplate(engine: 'pglite' | 'postgres'): Promise<void> {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: urlFor('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDbName}`);
    await admin.query(`CREATE DATABASE ${templateDbName}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: urlFor(templateDbName) });
    await prepareDatabase(database, wilayahDir);
    await database.close();
  } else {
    fs.rmSync(templateDir, { recursive: true, force: true });
    const database = await openDatabase({ dataDir: templateDir });
    await prepareDatabase(database, wilayahDir);
    await database.close();
  }
}
