import { loadConfig } from '../../src/core/config.ts';
import { createApp } from '../../src/server.ts';
import { testDatabase, type TestDatabase } from './db.ts';
import { testFilesDir, wilayahDir } from './engine.ts';

/** The real server (API + built web app) on a free port, over a fresh copy of the demo database. */
export async function startTestApp(): Promise<{ url: string; database: TestDatabase; close(): Promise<void> }> {
  const database = await testDatabase();
  const config = { ...loadConfig({}), filesDir: testFilesDir, port: 0, host: '127.0.0.1', wilayahDir, logLevel: 'warn' };
  const app = await createApp(database, config, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
