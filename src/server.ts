import compress from '@fastify/compress';
import { loadConfig, type Config } from './core/config.ts';
import { openDatabase, type Database } from './core/db.ts';
import { buildHttp, type App, type HttpOptions } from './core/http.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { wilayahRoutes } from './modules/wilayah/routes.ts';
import { frameworkRoutes } from './modules/framework/routes.ts';
import { masterplanRoutes } from './modules/masterplan/routes.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { authHooks } from './modules/accounts/http-auth.ts';
import { editingRoutes } from './modules/editing/routes.ts';
import { fileRoutes } from './modules/files/routes.ts';
import { connectivityRoutes } from './modules/connectivity/routes.ts';
import { reminderRoutes } from './modules/monitoring/reminders/routes.ts';
import { bulkRoutes } from './modules/monitoring/bulk/routes.ts';
import { monitoringRoutes } from './modules/monitoring/routes.ts';
import { evaluationCycleRoutes } from './modules/evaluation/cycle/routes.ts';
import { evaluationInstrumentRoutes } from './modules/evaluation/instruments/routes.ts';
import { prepareDatabase } from './modules/demo/seed.ts';

/** Every module's routes, in one place: adding a capability means adding its line here. */
export const MODULE_ROUTES = [authHooks, systemRoutes, wilayahRoutes, frameworkRoutes, masterplanRoutes, accountRoutes, editingRoutes, fileRoutes, connectivityRoutes, reminderRoutes, bulkRoutes, monitoringRoutes, evaluationCycleRoutes, evaluationInstrumentRoutes];

export async function createApp(database: Database, config: Config, opts: HttpOptions = {}): Promise<App> {
  const app = await buildHttp({ database, config }, [
    async (api) => {
      await api.register(compress, { threshold: 1024 });
    },
    ...MODULE_ROUTES,
  ], opts);
  return app;
}

/** Opens the database, prepares it on first start, serves HTTP, and shuts down cleanly on signals. */
export async function startServer(config: Config = loadConfig()): Promise<{ app: App; database: Database; stop(): Promise<void> }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = await createApp(database, config);
  app.log.info({ engine: database.engine, dataDir: config.databaseUrl ? undefined : config.dataDir }, 'database open, migrations applied');
  const started = performance.now();
  await prepareDatabase(database, config.wilayahDir, (done, total, label) => {
    if (done === total) app.log.info({ label, total }, 'loaded');
  });
  app.log.info({ ms: Math.round(performance.now() - started) }, 'reference and demo data ready');
  await app.listen({ port: config.port, host: config.host });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    app.log.info('shutting down');
    await app.close();
    await database.close();
  })());
  return { app, database, stop };
}
