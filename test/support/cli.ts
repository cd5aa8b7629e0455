import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { testDatabase, type TestDatabase } from './db.ts';
import { engine, root } from './engine.ts';

/** The environment that points the real `pilar` bin at a test database (plus `extra`). */
function cliEnv(database: TestDatabase, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra, ...(engine === 'postgres' ? { DATABASE_URL: database.location } : { DATABASE_URL: '', PILAR_DATA_DIR: database.location }) };
}

const BIN = path.join(root, 'bin/pilar.js');

/** Runs the real `pilar` bin against a test database, waiting for it. */
export function runPilar(database: TestDatabase, args: string[], extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: root, env: cliEnv(database, extra), encoding: 'utf8', timeout: 120_000 });
}

/** The same without blocking this process (e.g. while an SMTP server in it must keep answering). */
export function runPilarAsync(database: TestDatabase, args: string[], extra: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: cliEnv(database, extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A fresh test database for a file's CLI tests, paused so the `pilar` process can open it (a
 * PGlite folder has one writer), and a temp folder for input files; both go after the file.
 */
export function cliTestDatabase(prefix: string) {
  let database: TestDatabase | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `pilar-${prefix}-`));
  beforeAll(async () => {
    database = await testDatabase();
    await database.pause();
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const db = () => {
    if (!database) throw new Error('the CLI test database is not ready (use it inside tests)');
    return database;
  };
  return { tmp, database: db, pilar: (...args: string[]) => runPilar(db(), args) };
}
