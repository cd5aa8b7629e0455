import { z } from 'zod';
import type { RoutesPlugin } from '../../../core/http.ts';
import { requireActor } from '../../accounts/http-auth.ts';
import { kpiGrid, saveKpiEntries } from './service.ts';

const params = z.object({ code: z.string().max(20), id: z.string().max(60) });
const body = z.record(z.string(), z.unknown()).describe('{entries: [{programId, kpiId, value, clientId, clientUpdatedAt, base?}]}; see docs/monitoring-reminders.md');

/** The bulk KPI grid (docs/monitoring-reminders.md): read the grid, save typed cells. */
export const bulkRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  const tags = ['monitoring'];
  app.get('/regions/:code/periods/:id/kpi-grid', {
    schema: { tags, summary: 'Programs × KPIs the caller reports on for a period: target, unit, last approved value, the report\'s value', params, querystring: z.object({ opd: z.string().optional() }) },
  }, (req) => kpiGrid(db, requireActor(req), req.params.code, req.params.id, req.query));
  app.put('/regions/:code/periods/:id/kpi-values', {
    schema: { tags, summary: 'Save typed KPI values; drafts are created as needed; each entry is answered saved, conflict or rejected (idempotent by clientId)', params, body },
  }, (req) => saveKpiEntries(db, { actor: requireActor(req), ip: req.ip }, req.params.code, req.params.id, req.body));
};
