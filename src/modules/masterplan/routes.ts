import { z } from 'zod';
import type { RoutesPlugin } from '../../core/http.ts';
import { getMasterplanView, listPrograms, getProgramView, listQuickWins, listOpds, getOpdView, listParticipants } from './queries.ts';
import { viewerFor } from '../accounts/http-auth.ts';
import { pendingOfProgram, describeChanges } from '../editing/service.ts';

const code = z.object({ code: z.string().max(20).describe('Regency/city code, e.g. 64.02') });
const id = z.object({ id: z.string().max(60) });
const programFilters = z.object({
  dimension: z.string().optional(), element: z.string().optional(), opd: z.string().optional(),
  horizon: z.enum(['short', 'medium', 'long']).optional(), quickWinYear: z.string().optional(), location: z.string().optional(),
  q: z.string().optional(), sort: z.enum(['code', 'title', 'startYear', 'budget']).optional(), order: z.enum(['asc', 'desc']).optional(),
  limit: z.string().optional(), offset: z.string().optional(),
});

export const masterplanRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  app.get('/participants', { schema: { tags: ['masterplan'], summary: 'Regions with a masterplan in Pilar' } }, () => listParticipants(db));
  app.get('/regions/:code/masterplan', { schema: { tags: ['masterplan'], summary: 'Current masterplan of a region with pillar totals', params: code } },
    (req) => getMasterplanView(db, req.params.code, viewerFor(req)(req.params.code)));
  app.get('/regions/:code/programs', { schema: { tags: ['masterplan'], summary: 'Programs, filtered, sorted and paged', params: code, querystring: programFilters } },
    (req) => listPrograms(db, req.params.code, req.query, viewerFor(req)(req.params.code)));
  app.get('/regions/:code/quick-wins', {
    schema: { tags: ['masterplan'], summary: 'Quick wins of a year (default: latest)', params: code, querystring: z.object({ year: z.string().optional() }) },
  }, (req) => listQuickWins(db, req.params.code, req.query, viewerFor(req)(req.params.code)));
  app.get('/regions/:code/opds', { schema: { tags: ['masterplan'], summary: 'Agencies (OPD) of a region', params: code } }, (req) => listOpds(db, req.params.code, viewerFor(req)(req.params.code)));
  app.get('/programs/:id', { schema: { tags: ['masterplan'], summary: 'One program with budgets, KPIs, locations', params: id } }, async (req) => {
    const program = await getProgramView(db, req.params.id, viewerFor(req));
    const pending = await pendingOfProgram(db, program.id);
    // Everyone learns that a change waits ("published, with changes pending"); only region insiders see it.
    const insider = viewerFor(req)(program.region.code).unpublished;
    return { ...program, hasPendingChanges: pending.length > 0, pendingChange: insider && pending[0] ? (await describeChanges(db, [pending[0]]))[0] : null };
  });
  app.get('/opds/:id', { schema: { tags: ['masterplan'], summary: 'One OPD with the programs it leads or supports', params: id } }, (req) => getOpdView(db, req.params.id, viewerFor(req)));
};
