import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/core/db.ts';
import { prepareDatabase } from '../../src/modules/demo/seed.ts';
import { engine, templateDir, templateDbName, urlFor, wilayahDir } from './engine.ts';

/**
 * Builds one template database per run (migrations, all regions, shared geo files, demo),
 * which every test file then copies: a fresh, fully loaded database in well under a second.
 */
// Two Vitest projects share an engine (unit and e2e): build each template once per run.
const built = new Map<string, Promise<void>>();

export default function setup(): Promise<void> {
  if (!built.has(engine)) built.set(engine, buildTemplate());
  return built.get(engine)!;
}

async function buildTemplate(): Promise<void> {
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
