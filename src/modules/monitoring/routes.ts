import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../core/http.ts';
import { requireActor } from '../accounts/http-auth.ts';
import { getReportView, listReports, myUpdates, programMonitoring, regionDashboard } from './queries.ts';
import {
  approveReportAs, createReportAs, generatePeriodsAs, getSettings, listPeriods, returnReportAs, saveReportAs, submitReportAs,
  updatePeriodAs, updateSettingsAs, type Ctx,
} from './service.ts';
import { DEFAULT_THRESHOLDS, thresholdsOf } from './status.ts';

const id = z.object({ id: z.string().max(60) });
const code = z.object({ code: z.string().max(20) });
const body = z.record(z.string(), z.unknown()).describe('JSON object; see docs/api.md');
const ctx = (req: FastifyRequest): Ctx => ({ actor: requireActor(req), ip: req.ip });

/** Monitoring: periods, progress reports and their review, dashboards (docs/api.md, docs/monitoring.md). */
export const monitoringRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  const tags = ['monitoring'];

  app.get('/regions/:code/monitoring/settings', { schema: { tags, summary: 'Reporting rhythm, status thresholds (with defaults), reminder lead days', params: code } }, async (req) => {
    const s = await getSettings(db, req.params.code);
    return { ...s, effectiveThresholds: thresholdsOf(s.thresholds), defaults: DEFAULT_THRESHOLDS };
  });
  app.put('/regions/:code/monitoring/settings', { schema: { tags, summary: 'Change the monitoring settings (coordinator, Bappeda)', params: code, body } },
    (req) => updateSettingsAs(db, ctx(req), req.params.code, req.body));

  app.get('/regions/:code/periods', { schema: { tags, summary: 'Reporting periods with due dates and window state', params: code, querystring: z.object({ year: z.string().optional() }) } },
    (req) => listPeriods(db, req.params.code, req.query));
  app.post('/regions/:code/periods/generate', { schema: { tags, summary: 'Create the periods of a year {year, kind?} (coordinator, Bappeda)', params: code, body } },
    (req) => generatePeriodsAs(db, ctx(req), req.params.code, req.body));
  app.patch('/periods/:id', { schema: { tags, summary: 'Change a period {version, dueOn?, opensOn?, closed?} (coordinator, Bappeda)', params: id, body } },
    (req) => updatePeriodAs(db, ctx(req), req.params.id, req.body));

  app.get('/regions/:code/reports', {
    schema: { tags, summary: 'Progress reports of a region (the public: approved only)', params: code, querystring: z.object({ period: z.string().optional(), status: z.string().optional(), opd: z.string().optional(), program: z.string().optional(), limit: z.string().optional(), offset: z.string().optional() }) },
  }, (req) => listReports(db, req.actor, req.params.code, req.query));
  app.post('/programs/:id/reports', { schema: { tags, summary: 'Start (or open) the report of a period {periodId} (lead OPD officer, coordinator, Bappeda)', params: id, body } }, async (req, reply) => {
    const r = await createReportAs(db, ctx(req), req.params.id, req.body);
    return reply.status(r.created ? 201 : 200).send(r);
  });
  app.get('/reports/:id', { schema: { tags, summary: 'One report with program, KPI values, evidence and history', params: id } }, (req) => getReportView(db, req.actor, req.params.id));
  app.patch('/reports/:id', { schema: { tags, summary: 'Save a draft or returned report {version, physicalPct?, budgetRealised?, narrative?, obstacles?, followUp?, kpis?, files?}', params: id, body } },
    (req) => saveReportAs(db, ctx(req), req.params.id, req.body));
  app.post('/reports/:id/submit', { schema: { tags, summary: 'Submit for review {version}', params: id, body } }, (req) => submitReportAs(db, ctx(req), req.params.id, req.body));
  app.post('/reports/:id/return', { schema: { tags, summary: 'Return with a comment {version, comment} (coordinator, Bappeda)', params: id, body } }, (req) => returnReportAs(db, ctx(req), req.params.id, req.body));
  app.post('/reports/:id/approve', { schema: { tags, summary: 'Approve: the figures become official and public {version, comment?} (coordinator, Bappeda)', params: id, body } },
    (req) => approveReportAs(db, ctx(req), req.params.id, req.body));

  app.get('/me/monitoring', { schema: { tags, summary: 'My updates: due, returned, overdue, drafts; reports to review', querystring: z.object({ region: z.string().max(20).optional() }) } },
    (req) => myUpdates(db, requireActor(req), req.query.region));
  app.get('/regions/:code/monitoring', { schema: { tags, summary: 'Region dashboard: status roll-ups by pillar and OPD, quick wins, programs (approved figures)', params: code } },
    (req) => regionDashboard(db, req.params.code));
  app.get('/programs/:id/monitoring', { schema: { tags, summary: 'Approved progress of a program: status, series, KPI actual vs target, evidence', params: id } },
    (req) => programMonitoring(db, req.actor, req.params.id));
};

