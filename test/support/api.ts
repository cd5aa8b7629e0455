import { loadConfig } from '../../src/core/config.ts';
import { createApp } from '../../src/server.ts';
import type { App } from '../../src/core/http.ts';
import { testDatabase, type TestDatabase } from './db.ts';
import { wilayahDir } from './engine.ts';

/** The HTTP app over a fresh demo database, for app.inject() tests (no port). */
export async function apiHarness(): Promise<{ app: App; database: TestDatabase; get<T = any>(url: string): Promise<{ status: number; body: T }>; close(): Promise<void> }> {
  const database = await testDatabase();
  const app = await createApp(database, { ...loadConfig({}), wilayahDir, logLevel: 'warn' }, { logger: false });
  await app.ready();
  return {
    app,
    database,
    async get(url) {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : (r.body as never) };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
