import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../core/http.ts';
import { requireActor } from '../accounts/http-auth.ts';
import {
  approveChange, createKpiAs, createMasterplanAs, createOpdAs, createProgramAs, dashboard, deleteKpiAs, deleteOpdAs, deleteProgramAs,
  deleteQuickWinAs, historyAs, listChanges, rejectChange, restoreProgramAs, saveReadinessAs, setQuickWinAs, updateKpiAs, updateMasterplanAs,
  updateOpdAs, updateProgramAs, type Ctx,
} from './service.ts';

const id = z.object({ id: z.string().max(60) });
const code = z.object({ code: z.string().max(20) });
const body = z.record(z.string(), z.unknown()).describe('JSON object; see docs/api.md');
const ctx = (req: FastifyRequest): Ctx => ({ actor: requireActor(req), ip: req.ip });
const ok = { ok: true };

/** Every write endpoint of the masterplan; the role each needs is in docs/api.md and the summaries. */
export const editingRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  const tags = ['editing'];
  app.post('/masterplans', { schema: { tags, summary: 'Enrol a region: create its masterplan (national admin)', body } }, async (req, reply) => reply.status(201).send(await createMasterplanAs(db, ctx(req), req.body)));
  app.patch('/masterplans/:id', { schema: { tags, summary: 'Edit a masterplan (coordinator, Bappeda)', params: id, body } }, (req) => updateMasterplanAs(db, ctx(req), req.params.id, req.body));
  app.put('/masterplans/:id/readiness', { schema: { tags, summary: 'Save readiness of a dimension and aspect with SWOT (coordinator, Bappeda)', params: id, body } }, (req) => saveReadinessAs(db, ctx(req), req.params.id, req.body));

  app.post('/opds', { schema: { tags, summary: 'Add an OPD (coordinator)', body } }, async (req, reply) => reply.status(201).send(await createOpdAs(db, ctx(req), req.body)));
  app.patch('/opds/:id', { schema: { tags, summary: 'Edit an OPD (coordinator)', params: id, body } }, (req) => updateOpdAs(db, ctx(req), req.params.id, req.body));
  app.delete('/opds/:id', { schema: { tags, summary: 'Remove an OPD without programs (coordinator)', params: id } }, async (req) => { await deleteOpdAs(db, ctx(req), req.params.id); return ok; });

  app.post('/programs', { schema: { tags, summary: 'Create a program (coordinator, Bappeda; OPD officer: unpublished until approved)', body } }, async (req, reply) => reply.status(201).send(await createProgramAs(db, ctx(req), req.body)));
  app.patch('/programs/:id', { schema: { tags, summary: 'Edit a program with {version,…} (coordinator, Bappeda; OPD officer of the lead OPD: a pending change)', params: id, body } }, (req) => updateProgramAs(db, ctx(req), req.params.id, req.body));
  app.delete('/programs/:id', { schema: { tags, summary: 'Delete a program (coordinator, Bappeda)', params: id } }, async (req) => { await deleteProgramAs(db, ctx(req), req.params.id); return ok; });
  app.get('/programs/:id/history', { schema: { tags, summary: 'Versions with field-level diffs', params: id } }, (req) => historyAs(db, { actor: req.actor, ip: req.ip }, req.params.id));
  app.post('/programs/:id/restore', { schema: { tags, summary: 'Restore an earlier version {version, currentVersion}', params: id, body } }, (req) => restoreProgramAs(db, ctx(req), req.params.id, req.body));

  app.post('/kpis', { schema: { tags, summary: 'Add a KPI (coordinator, Bappeda; OPD officer: pending)', body } }, async (req, reply) => reply.status(201).send(await createKpiAs(db, ctx(req), req.body)));
  app.patch('/kpis/:id', { schema: { tags, summary: 'Edit a KPI and its targets with {version,…}', params: id, body } }, (req) => updateKpiAs(db, ctx(req), req.params.id, req.body));
  app.delete('/kpis/:id', { schema: { tags, summary: 'Delete a KPI (coordinator, Bappeda)', params: id } }, async (req) => { await deleteKpiAs(db, ctx(req), req.params.id); return ok; });

  app.put('/quick-wins', { schema: { tags, summary: 'Choose the quick win of a dimension and year (coordinator, Bappeda)', body } }, (req) => setQuickWinAs(db, ctx(req), req.body));
  app.delete('/quick-wins/:id', { schema: { tags, summary: 'Remove a quick win (coordinator, Bappeda)', params: id } }, async (req) => { await deleteQuickWinAs(db, ctx(req), req.params.id); return ok; });

  app.get('/regions/:code/changes', { schema: { tags, summary: 'Proposed changes of a region', params: code, querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() }) } },
    (req) => listChanges(db, ctx(req), req.params.code, req.query));
  app.post('/changes/:id/approve', { schema: { tags, summary: 'Approve and apply a change (coordinator, Bappeda)', params: id } }, (req) => approveChange(db, ctx(req), req.params.id));
  app.post('/changes/:id/reject', { schema: { tags, summary: 'Return a change with a comment (coordinator, Bappeda)', params: id, body } }, (req) => rejectChange(db, ctx(req), req.params.id, req.body));
  app.get('/me/dashboard', { schema: { tags, summary: 'What needs the caller\'s attention' } }, (req) => dashboard(db, ctx(req)));
};
