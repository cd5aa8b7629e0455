import { z } from 'zod';
import type { RoutesPlugin } from '../../core/http.ts';
import { getRegion, listChildren, searchRegions, regionGeo, nationalRegencyGeo } from './service.ts';

const code = z.object({ code: z.string().max(20).describe('Kemendagri dotted code, e.g. 64.02') });
const cacheable = 'public, max-age=3600';

export const wilayahRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  app.get('/regions', {
    schema: {
      tags: ['wilayah'], summary: 'Search regions by name or code prefix',
      querystring: z.object({ q: z.string().max(100), level: z.enum(['province', 'regency', 'district', 'village']).optional(), limit: z.string().optional(), offset: z.string().optional() }),
    },
  }, (req) => searchRegions(db, req.query));
  app.get('/regions/:code', { schema: { tags: ['wilayah'], summary: 'One region with its ancestors', params: code } }, (req) => getRegion(db, req.params.code));
  app.get('/regions/:code/children', {
    schema: { tags: ['wilayah'], summary: 'Regions below: direct children, or every district/village below', params: code, querystring: z.object({ level: z.enum(['district', 'village']).optional() }) },
  }, async (req, reply) => {
    reply.header('cache-control', cacheable);
    return listChildren(db, req.params.code, req.query);
  });
  app.get('/regions/:code/geo', {
    schema: { tags: ['wilayah'], summary: 'Boundaries as GeoJSON (self, districts or villages)', params: code, querystring: z.object({ level: z.enum(['self', 'district', 'village']).optional() }) },
  }, async (req, reply) => {
    reply.header('cache-control', cacheable);
    return regionGeo(db, req.params.code, req.query);
  });
  app.get('/geo/regencies', { schema: { tags: ['wilayah'], summary: 'Simplified boundaries of every regency, for a national map' } }, async (_req, reply) => {
    reply.header('cache-control', cacheable);
    return nationalRegencyGeo(db);
  });
};
