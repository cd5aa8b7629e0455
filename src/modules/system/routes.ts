import type { RoutesPlugin } from '../../core/http.ts';

export const systemRoutes: RoutesPlugin = (app, { database, config }) => {
  app.get('/health', { schema: { tags: ['system'], summary: 'Liveness and database check' } }, async (_req, reply) => {
    try {
      await database.exec('select 1');
      return { status: 'ok', database: database.engine, uptimeSeconds: Math.round(process.uptime()) };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.engine, uptimeSeconds: Math.round(process.uptime()) });
    }
  });
  app.get('/config', { schema: { tags: ['system'], summary: 'Settings the web app needs' } }, () => ({
    tileUrl: config.tileUrl,
    currentYear: new Date().getFullYear(),
    /** The server's upload limit, so the file field can refuse a too-large file before sending it. */
    uploadMaxMb: config.uploadMaxMb,
  }));
};
