import { z } from 'zod';
import type { RoutesPlugin } from '../../../core/http.ts';
import { invalid, notFound, parseInput } from '../../../core/errors.ts';
import { componentScoresProblem, indexFromComponents } from '../scoring/score.ts';
import { assertMayImport, getInstrument, getInstrumentFile, importInstrument, instrumentDigest, listInstruments, syncShippedInstruments } from './registry.ts';
import { InstrumentFileError, parseInstrument } from './load.ts';
import type { Instrument } from './types.ts';

const TAG = 'evaluation';
const whatIfBody = z.object({
  instrument: z.string().min(1).max(80),
  components: z.record(z.string().max(80), z.number()),
});

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** The summary of an instrument the what-if calculator and pickers need: top-level weights as fractions. */
export function instrumentSummary(i: Instrument & { importedAt?: string }) {
  return {
    id: i.id, version: i.version, kind: i.kind, name: i.name.id, nameEn: i.name.en, year: i.year, group: i.group,
    scale: i.scale, ownWording: i.ownWording, assumption: i.assumption ?? null, source: i.source,
    predicates: i.predicates.map((p) => ({ name: p.name.id, nameEn: p.name.en, min: p.min })),
    components: i.components.map((c) => ({ key: c.key, name: c.name.id, nameEn: c.name.en, weight: c.weight })),
    ...(i.importedAt ? { importedAt: i.importedAt } : {}),
  };
}

/** The file text of a POST: raw YAML/JSON text, or a JSON object ({text} or the instrument itself). */
function fileTextOf(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object') {
    const t = (body as { text?: unknown }).text;
    if (typeof t === 'string' && Object.keys(body).length === 1) return t;
    return JSON.stringify(body, null, 2);
  }
  throw invalid('body', { id: 'kirim isi file instrumen (YAML atau JSON)', en: 'send the instrument file (YAML or JSON)' });
}

export const evaluationInstrumentRoutes: RoutesPlugin = async (app, { database }) => {
  const db = database.db;
  // Instrument files arrive as YAML text too.
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));

  // Databases created before an instrument shipped get it on start (cheap when nothing changed).
  app.addHook('onReady', async () => {
    try {
      const r = await syncShippedInstruments(db);
      if (r.imported.length) app.log.info({ imported: r.imported }, 'evaluation instruments loaded');
      for (const f of r.refused) app.log.error({ file: f.file, error: f.error.bilingual.en }, 'shipped evaluation instrument refused');
    } catch (e) {
      app.log.warn({ err: e }, 'evaluation instruments not synchronised');
    }
  });

  app.get('/evaluation/instruments', {
    schema: { tags: [TAG], summary: 'Evaluation instruments (latest version of each): top-level components with weights as fractions summing to 1' },
  }, async () => (await listInstruments(db)).map(instrumentSummary));

  app.get('/evaluation/instruments/:id', {
    schema: { tags: [TAG], summary: 'One instrument in full: components → aspects → indicators → levels', params: z.object({ id: z.string().max(80) }), querystring: z.object({ version: z.string().max(40).optional() }) },
  }, async (req) => {
    const i = await getInstrument(db, req.params.id, req.query.version);
    if (!i) throw notFound({ id: `Instrumen ${req.params.id}`, en: `Instrument ${req.params.id}` }, 'id');
    return i;
  });

  app.get('/evaluation/instruments/:id/file', {
    schema: { tags: [TAG], summary: 'The file an instrument was imported from (YAML or JSON, as given)', params: z.object({ id: z.string().max(80) }), querystring: z.object({ version: z.string().max(40).optional() }) },
  }, async (req, reply) => {
    const f = await getInstrumentFile(db, req.params.id, req.query.version);
    if (!f) throw notFound({ id: `Instrumen ${req.params.id}`, en: `Instrument ${req.params.id}` }, 'id');
    const json = f.text.trimStart().startsWith('{');
    const name = `${req.params.id.replace(/[^a-z0-9-]/g, '')}-v${f.version.replace(/[^A-Za-z0-9.-]/g, '')}.${json ? 'json' : 'yaml'}`;
    reply.type(json ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`);
    return f.text;
  });

  app.post('/evaluation/instruments', {
    schema: {
      tags: [TAG],
      summary: 'Import an instrument file (national admin). Body: the YAML or JSON text (text/plain, application/yaml) or the JSON instrument. Errors name line and field.',
    },
  }, async (req, reply) => {
    assertMayImport(req.actor);
    const r = await importInstrument(db, fileTextOf(req.body), req.actor, 'instrument');
    reply.status(r.status === 'imported' ? 201 : 200);
    return { status: r.status, id: r.id, version: r.version, instrument: instrumentSummary(r.instrument) };
  });

  app.post('/evaluation/instruments/check', {
    schema: {
      tags: [TAG],
      summary: 'Validate an instrument file without importing it (national admin): {valid, instrument?, problems?} — every problem with line and field',
    },
  }, async (req) => {
    assertMayImport(req.actor);
    try {
      const i = parseInstrument(fileTextOf(req.body), 'instrument');
      const stored = await getInstrument(db, i.id, i.version);
      const indicators = i.components.reduce((n, c) => n + c.aspects.reduce((m, a) => m + a.indicators.length, 0), 0);
      return {
        valid: true, instrument: instrumentSummary(i), indicators,
        // Tells the uploader before importing what will happen with this id+version.
        existing: stored ? (instrumentDigest(stored) === instrumentDigest(i) ? 'same' : 'different') : 'none',
      };
    } catch (e) {
      if (e instanceof InstrumentFileError) return { valid: false, problems: e.problems };
      throw e;
    }
  });

  app.post('/evaluation/index', {
    schema: {
      tags: [TAG],
      summary: 'What-if: the index (two decimals, round half up) and predicate from top-level component scores. Body: {instrument: id, components: {<key>: score}}',
    },
  }, async (req) => {
    // Parsed here rather than by the route schema so that fields are named as the caller wrote them ("components.impact").
    const body = parseInput(whatIfBody, req.body);
    const ins = await getInstrument(db, body.instrument);
    if (!ins) throw invalid('instrument', { id: `instrumen "${body.instrument}" tidak dikenal`, en: `unknown instrument "${body.instrument}"` });
    const problem = componentScoresProblem(ins, body.components);
    if (problem) throw invalid(problem.field, problem.message);
    const r = indexFromComponents(ins, body.components);
    return { instrument: ins.id, index: r.index, ...(r.predicate ? { predicate: r.predicate.name.id, predicateEn: r.predicate.name.en } : {}) };
  });
};
