import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../core/http.ts';
import { notFound } from '../../core/errors.ts';
import { can } from '../../core/policy.ts';
import { JobRegistry } from './jobs.ts';
import { parseParams } from './params.ts';
import { makePrograms } from './programs.ts';
import { planCsv, planGeoJson, planPdf, type ExportContext } from './exports.ts';
import {
  authorize, compareScenarios, createScenario, deleteScenario, getRegionInstance, getScenario, importRegion, listScenarios,
  loadScenario, regionRows, runInputs, updateScenario, type Ctx,
} from './service.ts';

const code = z.object({ code: z.string().max(20).describe('Regency/city code, e.g. 64.02') });
const id = z.object({ id: z.string().max(60) });
const body = z.record(z.string(), z.unknown()).describe('JSON object; see docs/api.md');
const ctx = (req: FastifyRequest): Ctx => ({ actor: req.actor, ip: req.ip });

/** The blank-spot connectivity planner of a region (coordinator, Bappeda, national admin). */
export const connectivityRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  const tags = ['connectivity'];
  const jobs = new JobRegistry();
  app.addHook('onClose', async () => { await jobs.close(); });

  app.get('/regions/:code/connectivity', { schema: { tags, summary: 'Villages with signal status, nodes and default catalogue of a region', params: code } },
    (req) => getRegionInstance(db, ctx(req), req.params.code));
  app.post('/regions/:code/connectivity/import', {
    bodyLimit: 20 * 1024 * 1024,
    schema: { tags, summary: 'Replace village statuses and/or nodes: {villages?: {format: csv|geojson, data, source?, illustrative?}, nodes?: …}', params: code, body },
  }, (req) => importRegion(db, ctx(req), req.params.code, req.body));

  // Solving: a job in a worker thread; `wait` (ms, ≤ 10 s) answers at once when it finishes in time.
  app.post('/regions/:code/connectivity/jobs', {
    schema: { tags, summary: 'Start a plan {objective, budget, goal, radiusKm, priorityWeight, catalogue, method}; poll GET /connectivity/jobs/:id', params: code, body, querystring: z.object({ wait: z.coerce.number().int().min(0).max(10_000).optional() }) },
  }, async (req, reply) => {
    const c = ctx(req);
    await authorize(db, c, req.params.code);
    const p = parseParams(req.body);
    const run = await runInputs(db, req.params.code, p);
    const job = jobs.start(req.params.code, c.actor?.userId ?? null, run.inputs, run.request, p.method);
    await jobs.wait(job, req.query.wait ?? 0);
    return reply.status(job.status === 'running' ? 202 : 200).send({ ...jobs.view(job), illustrative: run.illustrative });
  });
  const jobOf = (req: FastifyRequest<{ Params: { id: string } }>) => {
    const job = jobs.get(req.params.id);
    // Another region's job is not disclosed.
    if (!job || !can(req.actor, 'connectivity.plan', { regionCode: job.regionCode })) throw notFound({ id: 'Perhitungan', en: 'Job' }, 'id');
    return job;
  };
  app.get('/connectivity/jobs/:id', { schema: { tags, summary: 'Progress or result of a plan job', params: id, querystring: z.object({ wait: z.coerce.number().int().min(0).max(10_000).optional() }) } }, async (req) => {
    const job = jobOf(req);
    await jobs.wait(job, req.query.wait ?? 0);
    return jobs.view(job);
  });
  app.delete('/connectivity/jobs/:id', { schema: { tags, summary: 'Cancel a plan job', params: id } }, async (req) => {
    const job = jobOf(req);
    jobs.cancel(job);
    await jobs.wait(job, 2_000);
    return jobs.view(job);
  });

  app.get('/regions/:code/connectivity/scenarios', { schema: { tags, summary: 'Saved scenarios of a region', params: code } }, (req) => listScenarios(db, ctx(req), req.params.code));
  app.post('/regions/:code/connectivity/scenarios', { schema: { tags, summary: 'Save a scenario {name, …parameters, plan?} (the plan is verified, or solved when absent)', params: code, body } },
    async (req, reply) => reply.status(201).send(await createScenario(db, ctx(req), req.params.code, req.body)));
  app.get('/regions/:code/connectivity/compare', { schema: { tags, summary: 'Scenarios side by side (?ids=a,b,…)', params: code, querystring: z.object({ ids: z.string().max(400) }) } },
    (req) => compareScenarios(db, ctx(req), req.params.code, req.query.ids.split(',').map((s) => s.trim())));
  app.get('/connectivity/scenarios/:id', { schema: { tags, summary: 'A scenario with its plan', params: id } }, (req) => getScenario(db, ctx(req), req.params.id));
  app.patch('/connectivity/scenarios/:id', { schema: { tags, summary: 'Rename or re-plan a scenario {version, …}; 409 on a stale version', params: id, body } },
    (req) => updateScenario(db, ctx(req), req.params.id, req.body));
  app.delete('/connectivity/scenarios/:id', { schema: { tags, summary: 'Delete a scenario', params: id } }, async (req) => { await deleteScenario(db, ctx(req), req.params.id); return { ok: true }; });
  app.post('/connectivity/scenarios/:id/programs', { schema: { tags, summary: 'Turn the chosen sites into masterplan programs (once per scenario)', params: id } },
    async (req, reply) => reply.status(201).send(await makePrograms(db, ctx(req), req.params.id)));

  const exportContext = async (req: FastifyRequest<{ Params: { id: string } }>): Promise<ExportContext> => {
    const s = await loadScenario(db, ctx(req), req.params.id);
    const region = await authorize(db, ctx(req), s.regionCode);
    const { villages, nodes } = await regionRows(db, s.regionCode);
    return {
      regionName: region.name,
      scenario: { name: s.name, objective: s.objective, budget: s.budget, goal: s.goal, radiusKm: s.radiusKm, priorityWeight: s.priorityWeight, illustrative: s.illustrative, updatedAt: s.updatedAt.toISOString() },
      plan: s.plan,
      villages: villages.map((v) => ({ code: v.villageCode, name: v.name, lat: v.lat, lng: v.lng, signal: v.signal, population: v.population })),
      nodes: nodes.map((n) => ({ id: n.nodeId, name: n.name, lat: n.lat, lng: n.lng, kind: n.kind })),
    };
  };
  const fileName = (c: ExportContext, ext: string) => `konektivitas-${c.scenario.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'skenario'}.${ext}`;
  const attach = (reply: FastifyReply, name: string, type: string) => reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`);
  app.get('/connectivity/scenarios/:id/plan.csv', { schema: { tags, summary: 'The plan\'s sites as CSV', params: id } }, async (req, reply) => {
    const c = await exportContext(req);
    return attach(reply, fileName(c, 'csv'), 'text/csv; charset=utf-8').send(planCsv(c));
  });
  app.get('/connectivity/scenarios/:id/plan.geojson', { schema: { tags, summary: 'The plan as GeoJSON (sites, backhaul, nodes, villages)', params: id } }, async (req, reply) => {
    const c = await exportContext(req);
    return attach(reply, fileName(c, 'geojson'), 'application/geo+json').send(JSON.stringify(planGeoJson(c)));
  });
  app.get('/connectivity/scenarios/:id/plan.pdf', { schema: { tags, summary: 'A PDF summary of the plan (Bahasa Indonesia)', params: id } }, async (req, reply) => {
    const c = await exportContext(req);
    return attach(reply, fileName(c, 'pdf'), 'application/pdf').send(await planPdf(c));
  });
};
