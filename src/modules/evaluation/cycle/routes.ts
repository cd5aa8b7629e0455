import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../../core/http.ts';
import { parseInput } from '../../../core/errors.ts';
import { requireActor } from '../../accounts/http-auth.ts';
import { evidenceOptions } from './evidence.ts';
import { cycleView, listRegionCycles, nationalResults } from './queries.ts';
import { reportFile } from './report.ts';
import { cycleHistory, finalizeCycle, openCycle, saveNarrative, saveSelfAssessment, saveValidation, submitCycle, type Ctx } from './service.ts';
import { yearParam } from './validation.ts';

const code = z.object({ code: z.string().max(20).describe('Regency/city code, e.g. 64.02') });
const codeYear = z.object({ code: z.string().max(20), year: z.string().max(10).describe('Evaluation year, e.g. 2023') });
const body = z.record(z.string(), z.unknown()).describe('JSON object; see docs/api.md');
const ctx = (req: FastifyRequest): Ctx => ({ actor: requireActor(req), ip: req.ip });
const year = (raw: string) => parseInput(yearParam, raw, 'year');

/** The evaluation cycle (issue 7): reads for the public once published, writes by role (docs/evaluation.md). */
export const evaluationCycleRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  const tags = ['evaluation'];
  app.get('/evaluation/results', {
    schema: { tags, summary: 'National ranking of the published results of a year (default: latest), filter by province', querystring: z.object({ year: z.string().optional(), province: z.string().optional() }) },
  }, (req) => nationalResults(db, req.query));
  app.get('/regions/:code/evaluations', { schema: { tags, summary: 'Evaluation years of a region (public: published only)', params: code } },
    (req) => listRegionCycles(db, req.actor, req.params.code));
  app.post('/regions/:code/evaluations', { schema: { tags, summary: 'Open the evaluation of a year {year, instrument} (coordinator, Bappeda, national admin)', params: code, body } },
    async (req, reply) => reply.status(201).send(await openCycle(db, ctx(req), req.params.code, req.body)));
  app.get('/regions/:code/evaluations/:year', { schema: { tags, summary: 'One evaluation: answers, self and validated scores, gap, rank, narrative', params: codeYear } },
    (req) => cycleView(db, req.actor, req.params.code, year(req.params.year)));
  app.get('/regions/:code/evaluations/:year/history', { schema: { tags, summary: 'Every step of an evaluation (region insiders, assessors)', params: codeYear } },
    (req) => cycleHistory(db, req.actor, req.params.code, year(req.params.year)));
  app.get('/regions/:code/evaluations/:year/evidence-options', { schema: { tags, summary: 'Programs, quick wins and approved progress reports that answers may link as evidence', params: codeYear } },
    (req) => evidenceOptions(db, req.actor, req.params.code, year(req.params.year)));
  app.put('/regions/:code/evaluations/:year/self-assessment', { schema: { tags, summary: 'Save self-assessment answers {version, answers:{key:{level|metLevels, justification, files, links}}} (coordinator, Bappeda)', params: codeYear, body } },
    (req) => saveSelfAssessment(db, ctx(req), req.params.code, year(req.params.year), req.body));
  app.post('/regions/:code/evaluations/:year/submit', { schema: { tags, summary: 'Submit the self-assessment to the assessors {version}', params: codeYear, body } },
    (req) => submitCycle(db, ctx(req), req.params.code, year(req.params.year), req.body));
  app.put('/regions/:code/evaluations/:year/validation', { schema: { tags, summary: 'Save validated levels {version, answers:{key:{level|metLevels, reason}}, interviewNotes} (assigned assessor)', params: codeYear, body } },
    (req) => saveValidation(db, ctx(req), req.params.code, year(req.params.year), req.body));
  app.put('/regions/:code/evaluations/:year/narrative', { schema: { tags, summary: 'Strengths, weaknesses, recommendations {version, strengths, weaknesses, recommendations} (assessor, coordinator, Bappeda)', params: codeYear, body } },
    (req) => saveNarrative(db, ctx(req), req.params.code, year(req.params.year), req.body));
  app.post('/regions/:code/evaluations/:year/finalize', { schema: { tags, summary: 'Finalise and publish {version} (assigned assessor)', params: codeYear, body } },
    (req) => finalizeCycle(db, ctx(req), req.params.code, year(req.params.year), req.body));
  for (const format of ['pdf', 'docx'] as const) {
    app.get(`/regions/:code/evaluations/:year/report.${format}`, { schema: { tags, summary: `Evaluation report as ${format.toUpperCase()} (Bahasa Indonesia; public once published)`, params: codeYear } },
      async (req, reply) => {
        const file = await reportFile(db, req.actor, req.params.code, year(req.params.year), format);
        return reply.header('content-type', file.mime).header('content-disposition', `attachment; filename="${file.name}"`).send(file.bytes);
      });
  }
};
