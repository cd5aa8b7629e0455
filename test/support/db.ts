import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/core/db.ts';
import { engine, root, templateDir, templateDbName, urlFor } from './engine.ts';

export interface TestDatabase extends Database {
  /** PGlite folder or PostgreSQL URL. */
  location: string;
  /** Closes the engine, keeping its data, and opens it again (a restart). */
  restart(): Promise<Database>;
  /** Closes the engine, keeping its data, so another process may open it; restart() resumes. */
  pause(): Promise<void>;
}

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Wraps an opened database so close() also removes it and restart() reopens it. */
async function managed(open: () => Promise<Database>, location: string, drop: () => Promise<void>): Promise<TestDatabase> {
  let current = await open();
  let paused = false;
  const handle: TestDatabase = {
    get db() { return current.db; },
    get engine() { return current.engine; },
    exec: (sql, params) => current.exec(sql, params),
    rawTransaction: (fn) => current.rawTransaction(fn),
    location,
    async restart() {
      if (!paused) await current.close();
      paused = false;
      current = await open();
      return current;
    },
    async pause() {
      await current.close();
      paused = true;
    },
    async close() {
      if (!paused) await current.close();
      await drop();
    },
  };
  return handle;
}

/**
 * A fresh copy of the template (all regions, geo, demo) on this project's engine:
 * a copied PGlite folder, or a PostgreSQL database created from the template.
 */
export async function testDatabase(): Promise<TestDatabase> {
  return fresh(true);
}

/** An empty database (migrations only) on this project's engine. */
export async function emptyDatabase(): Promise<TestDatabase> {
  return fresh(false);
}

async function fresh(fromTemplate: boolean): Promise<TestDatabase> {
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  if (engine === 'postgres') {
    await adminQuery(fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${templateDbName}` : `CREATE DATABASE ${name}`);
    const url = urlFor(name);
    return managed(() => openDatabase({ databaseUrl: url }), url, () => adminQuery(`DROP DATABASE IF EXISTS ${name}`));
  }
  const dir = path.join(root, '.tmp/test/dbs', name);
  if (fromTemplate) fs.cpSync(templateDir, dir, { recursive: true });
  return managed(() => openDatabase({ dataDir: dir }), dir, async () => fs.rmSync(dir, { recursive: true, force: true }));
}
